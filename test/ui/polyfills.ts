// jsdom lacks a few browser APIs Fluent UI v9 uses (positioning, media queries, motion).
// Loaded for every UI test by test/ui/setup.ts.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;

if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = () => undefined;
}

// jsdom does no layout, so offsetParent is always null and tabster (Fluent's keyboard navigation:
// arrow keys in a TabList, focus traps) takes every element for hidden. Give it the parent instead,
// unless the element or an ancestor is display:none, as a browser would.
const hiddenByDisplay = (start: HTMLElement): boolean => {
  for (let el: HTMLElement | null = start; el; el = el.parentElement) {
    if (window.getComputedStyle(el).display === 'none') return true;
  }
  return false;
};

if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      return hiddenByDisplay(this) ? null : this.parentElement;
    },
  });
  // Tabster also takes a zero-sized <body> for a hidden iframe: give the body a viewport's size.
  HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
    return { x: 0, y: 0, top: 0, left: 0, right: 1024, bottom: 768, width: 1024, height: 768, toJSON: () => ({}) } as DOMRect;
  };
}

export {};
