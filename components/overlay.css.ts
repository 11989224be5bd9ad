/**
 * The overlay's styles, injected as one <style> into the shadow root. Page styles cannot reach in,
 * but inherited properties could: the host gets `all: initial`, and `.cp-root` sets every inherited
 * property it relies on. Themes: `data-theme="light|dark"` on `.cp-root`.
 */
export const OVERLAY_CSS: string = `
.cp-root{
--cp-bg:#fff;--cp-fg:#1f2933;--cp-muted:#52606d;--cp-border:#d3dce6;--cp-accent:#2f5d8a;--cp-on-accent:#fff;
--cp-chip-bg:#e8f0f8;--cp-chip-fg:#24476b;--cp-badge-bg:#eef3f8;--cp-badge-hover:#dfe8f2;--cp-badge-fg:#24476b;
--cp-badge-border:#c5d3e2;--cp-link:#1f5b99;--cp-focus:#1d6fd1;
--cp-shadow:0 8px 24px rgba(15,23,42,.14),0 1px 3px rgba(15,23,42,.12);
position:absolute;top:0;left:0;width:0;height:0;overflow:visible;margin:0;padding:0;border:0;
z-index:2147483000;display:block;visibility:visible;opacity:1;pointer-events:auto;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
font-size:14px;line-height:1.45;font-weight:400;font-style:normal;font-variant:normal;font-stretch:normal;
color:var(--cp-fg);letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;
text-indent:0;text-shadow:none;text-decoration:none;white-space:normal;direction:ltr;
writing-mode:horizontal-tb;cursor:auto;quotes:auto;color-scheme:light;
-webkit-text-size-adjust:100%;text-size-adjust:100%;
}
.cp-root[data-theme="dark"]{
--cp-bg:#1e2530;--cp-fg:#e4e9f0;--cp-muted:#a3b1c2;--cp-border:#3a4656;--cp-accent:#8fb8e8;--cp-on-accent:#0f1722;
--cp-chip-bg:#2a3a50;--cp-chip-fg:#cfe0f5;--cp-badge-bg:#253246;--cp-badge-hover:#2f3f57;--cp-badge-fg:#cfe0f5;
--cp-badge-border:#3d5170;--cp-link:#9cc3f0;--cp-focus:#8ab4f8;
--cp-shadow:0 8px 24px rgba(0,0,0,.5),0 1px 3px rgba(0,0,0,.4);color-scheme:dark;
}
/* Resets at zero specificity (:where), so every class rule below wins over them. */
:where(.cp-root) *,:where(.cp-root) *::before,:where(.cp-root) *::after{box-sizing:border-box}
:where(.cp-root) :where(p,h2,h3,ul,li,cite,time){margin:0;padding:0;font:inherit;color:inherit}
:where(.cp-root) ul{list-style:none}
:where(.cp-root) cite{font-style:italic}
:where(.cp-root) button{
-webkit-appearance:none;appearance:none;margin:0;font:inherit;color:inherit;letter-spacing:inherit;
text-transform:none;text-shadow:none;cursor:pointer;background:none;border:0;border-radius:0;
}
.cp-root :focus{outline:none}
.cp-root :focus-visible{outline:2px solid var(--cp-focus);outline-offset:2px}
.cp-badge{
position:absolute;z-index:2147483000;display:inline-flex;align-items:center;gap:4px;
height:22px;max-width:170px;padding:0 8px;border:1px solid var(--cp-badge-border);border-radius:11px;
background:var(--cp-badge-bg);color:var(--cp-badge-fg);font-size:12px;line-height:20px;font-weight:500;
white-space:nowrap;box-shadow:0 1px 2px rgba(15,23,42,.08);
}
.cp-badge:hover{background:var(--cp-badge-hover)}
.cp-badge--compact{padding:0;width:30px;justify-content:center}
.cp-badge--compact .cp-badge-label{display:none}
.cp-badge--open,.cp-badge--open:hover{background:var(--cp-accent);border-color:var(--cp-accent);color:var(--cp-on-accent)}
.cp-badge-mark{font-size:12px;line-height:1}
.cp-badge-label{overflow:hidden;text-overflow:ellipsis;min-width:0}
.cp-note{
position:absolute;z-index:2147483001;width:340px;max-width:calc(100vw - 24px);max-height:60vh;overflow:auto;
overscroll-behavior:contain;padding:12px 14px 10px;background:var(--cp-bg);color:var(--cp-fg);
border:1px solid var(--cp-border);border-radius:8px;box-shadow:var(--cp-shadow);
font-size:14px;line-height:1.45;overflow-wrap:anywhere;
}
.cp-note--inline{position:static;width:auto;max-width:none;max-height:none;margin-top:8px;box-shadow:none}
.cp-note-head{display:flex;align-items:flex-start;gap:8px}
.cp-note-heading{flex:1;font-size:15px;font-weight:600;line-height:1.3}
/* The heading takes focus only so that reading starts there; it is not a control. */
.cp-root .cp-note-heading:focus-visible{outline:none}
.cp-close{
flex:none;width:24px;height:24px;margin:-4px -6px 0 0;border-radius:4px;
font-size:18px;line-height:24px;text-align:center;color:var(--cp-muted);
}
.cp-close:hover{background:var(--cp-badge-bg);color:var(--cp-fg)}
.cp-passage,.cp-muted,.cp-footer,.cp-article,.cp-source{color:var(--cp-muted);font-size:13px}
.cp-passage{margin-top:4px}
.cp-match{margin-top:6px;font-size:13px;padding:4px 8px;border-left:3px solid var(--cp-accent);background:var(--cp-chip-bg);color:var(--cp-chip-fg)}
.cp-counter{margin-top:10px;padding-top:10px;border-top:1px solid var(--cp-border)}
.cp-counter{display:flex;flex-direction:column;align-items:flex-start;gap:4px}
.cp-counter > *{max-width:100%}
.cp-counter-head{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
.cp-outlet{font-weight:600}
.cp-chip{
display:inline-block;padding:0 7px;border-radius:999px;background:var(--cp-chip-bg);color:var(--cp-chip-fg);
font-size:11px;line-height:18px;font-weight:500;text-transform:none;letter-spacing:.01em;
}
.cp-article time{white-space:nowrap}
.cp-summary-label{font-weight:600;font-size:13px}
.cp-root .cp-read{color:var(--cp-link);text-decoration:underline;text-underline-offset:2px;cursor:pointer}
.cp-root .cp-read:hover{text-decoration-thickness:2px}
.cp-footer{margin-top:10px;padding-top:8px;border-top:1px solid var(--cp-border);font-size:12px}
.cp-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.cp-pill{
position:fixed;right:16px;bottom:16px;z-index:2147483646;height:28px;padding:0 12px;
border:1px solid var(--cp-border);border-radius:14px;background:var(--cp-bg);color:var(--cp-fg);
font-size:12px;line-height:26px;font-weight:500;white-space:nowrap;box-shadow:var(--cp-shadow);
}
.cp-pill:hover{background:var(--cp-badge-bg)}
.cp-panel{
position:fixed;right:16px;bottom:52px;z-index:2147483646;width:340px;max-width:calc(100vw - 24px);
max-height:60vh;overflow:auto;overscroll-behavior:contain;padding:10px 12px;background:var(--cp-bg);
color:var(--cp-fg);border:1px solid var(--cp-border);border-radius:8px;box-shadow:var(--cp-shadow);
font-size:14px;overflow-wrap:anywhere;
}
.cp-list-item + .cp-list-item{margin-top:10px;padding-top:10px;border-top:1px solid var(--cp-border)}
.cp-list-heading{font-weight:600}
.cp-open{margin-top:4px;padding:2px 0;color:var(--cp-link);text-decoration:underline;font-size:13px}
@media (prefers-reduced-motion:no-preference){
.cp-note,.cp-panel{animation:cp-fade .12s ease-out}
.cp-badge,.cp-pill{transition:background-color .12s,color .12s}
}
@keyframes cp-fade{from{opacity:0}to{opacity:1}}
@media (forced-colors:active){.cp-badge--open{outline:2px solid Highlight}}
@media print{.cp-root{display:none}}
`;
