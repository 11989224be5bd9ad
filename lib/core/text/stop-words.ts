/** Function words dropped before n-grams are made (English; CJK text needs none at bigram level). */
// Marked pure so that a bundle importing tokens.ts without tokenising (the always-on script) drops it.
export const STOP_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'a an the and or but if of to in on at by for with from as into onto about over under than then ' +
    'is are was were be been being am do does did done has have had having it its it\'s this that these those ' +
    'he she they we you i me him her them us my his their our your not no so such also very can could would ' +
    'should will shall may might must there here which who whom whose what when where why how all any each ' +
    'some more most other s t said says say'
  ).split(' '),
);
