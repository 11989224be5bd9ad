/** The name of the global flag the overlay sets while it runs in a page (see page-watch.ts). */
export const OVERLAY_FLAG_NAME = 'counterpoint.overlay';
