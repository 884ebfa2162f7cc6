// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  atOnce,
  holdRoom,
  MIN_PAGE_PX,
  reserveRoom,
  roomSide,
  SIDE_ROOM_PX,
  StyleLedger,
  TOP_ROOM_PX,
  windowPlacedIn,
} from '../../../lib/sidebar/page-room';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A page element `position: fixed` at `rect` (happy-dom lays nothing out: the rectangle is given). */
function fixedAt(
  rect: { left: number; top: number; width: number; height: number },
  style = '',
): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('style', `position: fixed;${style}`);
  document.body.append(element);
  const { left, top, width, height } = rect;
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
    x: left,
    y: top,
    toJSON: () => ({}),
  });
  return element;
}

/** Make `element` absolute, its offset parent `parent` (happy-dom has no offsetParent). */
function absoluteIn(element: HTMLElement, parent: Element): void {
  element.style.position = 'absolute';
  document.body.style.position = 'static';
  Object.defineProperty(element, 'offsetParent', { get: () => parent, configurable: true });
}

/** Now, not after the next frame: happy-dom paints nothing. */
const reserve = (side: 'right' | 'top') => reserveRoom(side, null, document, atOnce);

function windowOf(width: number, height: number, under: (x: number, y: number) => Element[]) {
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(width);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(height);
  document.elementsFromPoint = under;
}

describe('roomSide', () => {
  it.each([
    ['github', 1280, 'right'],
    ['github', 1366, 'right'],
    ['huggingface', 1280, 'right'],
    ['github', MIN_PAGE_PX + SIDE_ROOM_PX - 1, 'top'],
    [null, 1920, 'right'],
    // X's columns need 1265 px whatever is left to them: the bar until 1265 + 360.
    ['x', 1280, 'top'],
    ['x', 1366, 'top'],
    ['x', 1624, 'top'],
    ['x', 1625, 'right'],
    ['x', 1920, 'right'],
  ] as const)('on %s at %i px: %s', (site, width, side) => {
    expect(roomSide(site, width)).toBe(side);
  });
});

describe('StyleLedger', () => {
  it('puts back the inline styles it changed, priority and all, and no style attribute that was not there', () => {
    const plain = document.createElement('div');
    const styled = document.createElement('div');
    styled.setAttribute('style', 'right: 4px !important; color: red;');
    const before = styled.style.cssText;
    const ledger = new StyleLedger();
    ledger.set(plain, 'top', '64px');
    ledger.set(styled, 'right', '364px');
    ledger.set(styled, 'right', '400px');
    expect(plain.style.getPropertyValue('top')).toBe('64px');
    expect(styled.style.getPropertyValue('right')).toBe('400px');
    ledger.restore();
    expect(plain.hasAttribute('style')).toBe(false);
    expect(styled.style.cssText).toBe(before);
  });
});

describe('reserveRoom', () => {
  it('pads <html> on the right by the panel width, over what the page had, and gives it back exactly', () => {
    windowOf(1280, 800, () => []);
    document.documentElement.style.setProperty('padding-right', '10px');
    const room = reserve('right');
    expect(document.documentElement.style.getPropertyValue('padding-right')).toBe(`${SIDE_ROOM_PX + 10}px`);
    expect(document.documentElement.style.getPropertyPriority('padding-right')).toBe('important');
    room.release();
    expect(document.documentElement.getAttribute('style')).toBe('padding-right: 10px;');
  });

  it('moves a fixed element of the right strip out of it, keeping its size, and puts it back', () => {
    const drawer = fixedAt({ left: 1500, top: 747, width: 400, height: 53 }, 'right: 20px;');
    const nav = fixedAt({ left: 0, top: 0, width: 275, height: 800 });
    windowOf(1920, 800, (x) => (x >= 1500 ? [drawer, document.body] : [nav]));
    const room = reserve('right');
    expect([drawer.style.right, drawer.style.left, drawer.style.width]).toEqual([
      `${20 + SIDE_ROOM_PX}px`,
      'auto',
      '400px',
    ]);
    expect(nav.style.right).toBe('');
    room.release();
    expect(drawer.getAttribute('style')).toBe('position: fixed;right: 20px;');
  });

  it('moves an element placed absolute against the window (no positioned ancestor) as a fixed one, and puts it back', () => {
    const menu = fixedAt({ left: 1720, top: 40, width: 200, height: 300 }, 'right: 0px;');
    absoluteIn(menu, document.body);
    // Under a positioned ancestor, its box is that ancestor's, which the padding narrows: it moves with the page.
    const inBox = fixedAt({ left: 1600, top: 400, width: 100, height: 30 });
    absoluteIn(inBox, document.createElement('div'));
    windowOf(1920, 800, (_, y) => (y < 340 ? [menu, document.body] : [inBox, document.body]));
    vi.spyOn(window, 'scrollX', 'get').mockReturnValue(0);
    const room = reserve('right');
    try {
      expect([menu.style.right, menu.style.left, menu.style.width]).toEqual([
        `${SIDE_ROOM_PX}px`,
        'auto',
        '200px',
      ]);
      expect(inBox.style.right).toBe('');
    } finally {
      room.release();
    }
    expect(menu.getAttribute('style')).toBe('position: absolute; right: 0px;');
  });

  it('moves an element absolute against the window at the page’s top below the bar, in the page’s own place', () => {
    const banner = fixedAt({ left: 0, top: 10, width: 1280, height: 30 });
    absoluteIn(banner, document.body);
    windowOf(1280, 800, () => [banner, document.body]);
    const room = reserve('top');
    try {
      expect(banner.style.top).toBe(`${10 + TOP_ROOM_PX}px`);
    } finally {
      room.release();
    }
    expect(banner.style.top).toBe('');
  });

  it('reads every fixed element’s box before it moves any (a read after a write lays the page out again)', () => {
    const log: string[] = [];
    const lefts = [1500, 1600, 1700];
    const drawers = lefts.map((left) => {
      const drawer = fixedAt({ left, top: 100, width: 200, height: 50 });
      const box = drawer.getBoundingClientRect();
      vi.spyOn(drawer, 'getBoundingClientRect').mockImplementation(() => {
        log.push('read');
        return box;
      });
      const write = drawer.style.setProperty.bind(drawer.style);
      vi.spyOn(drawer.style, 'setProperty').mockImplementation((...args) => {
        log.push('write');
        write(...args);
      });
      return drawer;
    });
    windowOf(1920, 800, (x) => drawers.filter((_, index) => x >= (lefts[index] ?? 0)));
    const room = reserve('right');
    expect(log.filter((entry) => entry === 'read')).toHaveLength(3);
    expect(log.slice(log.indexOf('write'))).not.toContain('read');
    room.release();
  });

  it('moves the fixed elements only after the next frame: the card is drawn first', async () => {
    const drawer = fixedAt({ left: 1500, top: 747, width: 400, height: 53 }, 'right: 20px;');
    windowOf(1920, 800, (x) => (x >= 1500 ? [drawer] : []));
    const room = reserveRoom('right');
    expect(document.documentElement.style.getPropertyValue('padding-right')).toBe(`${SIDE_ROOM_PX}px`);
    expect(drawer.style.right).toBe('20px');
    await vi.waitFor(() => expect(drawer.style.right).toBe(`${20 + SIDE_ROOM_PX}px`));
    room.release();
    const released = reserveRoom('right');
    released.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drawer.getAttribute('style')).toBe('position: fixed;right: 20px;');
  });

  describe('looks again for what the page shows later', () => {
    /** An event as the browser makes it for the user's input (happy-dom's are all untrusted). */
    const real = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    /** A page whose right strip is empty until `drawer` (fixed, 320 px at the right) is shown. */
    function pageWithDrawer() {
      const drawer = fixedAt({ left: 1600, top: 0, width: 320, height: 800 }, 'right: 0px;');
      drawer.hidden = true;
      windowOf(1920, 800, (x) => (x >= 1600 && !drawer.hidden ? [drawer, document.body] : [document.body]));
      return drawer;
    }
    const moved = (drawer: HTMLElement) => drawer.style.right === `${SIDE_ROOM_PX}px`;

    it('in the frame after a real click or key (a drawer the user opened), not after a script’s', async () => {
      const drawer = pageWithDrawer();
      const room = reserve('right');
      drawer.hidden = false;
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await nextFrame();
      await nextFrame();
      expect(moved(drawer)).toBe(false);
      document.body.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
      await vi.waitFor(() => expect(moved(drawer)).toBe(true));
      // Closed by the next click: given back.
      drawer.hidden = true;
      document.body.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
      await vi.waitFor(() => expect(drawer.getAttribute('style')).toBe('position: fixed;right: 0px;'));
      room.release();
    });

    it('when an animation started by the user’s input ends (a drawer sliding in), not one of the page’s own', async () => {
      const drawer = pageWithDrawer();
      const room = reserve('right');
      document.body.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
      await nextFrame();
      await nextFrame();
      // The drawer is there only once its slide has ended.
      drawer.hidden = false;
      expect(moved(drawer)).toBe(false);
      drawer.dispatchEvent(new Event('transitionend', { bubbles: true }));
      await vi.waitFor(() => expect(moved(drawer)).toBe(true));
      room.release();

      const quiet = pageWithDrawer();
      const other = reserve('right');
      quiet.hidden = false;
      quiet.dispatchEvent(new Event('animationend', { bubbles: true }));
      await nextFrame();
      await nextFrame();
      expect(moved(quiet)).toBe(false);
      other.release();
    });

    it('when scrolling has stopped (a “back to top” button), and no more once released', async () => {
      const drawer = pageWithDrawer();
      const room = reserve('right');
      drawer.hidden = false;
      window.dispatchEvent(new Event('scroll'));
      await vi.waitFor(() => expect(moved(drawer)).toBe(true));
      room.release();
      expect(drawer.getAttribute('style')).toBe('position: fixed;right: 0px;');
      document.body.dispatchEvent(real(new MouseEvent('click', { bubbles: true })));
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(drawer.getAttribute('style')).toBe('position: fixed;right: 0px;');
    });
  });

  it('ends a fixed bar spanning the window where the strip starts', () => {
    const bar = fixedAt({ left: 0, top: 0, width: 1920, height: 48 });
    windowOf(1920, 800, (_x, y) => (y < 48 ? [bar] : []));
    reserve('right');
    expect([bar.style.left, bar.style.right, bar.style.width]).toEqual(['0px', `${SIDE_ROOM_PX}px`, 'auto']);
  });

  it('pads <html> at the top and moves a full-height fixed navigation below the bar while the bar is in view', () => {
    const nav = fixedAt({ left: 0, top: 0, width: 275, height: 800 });
    windowOf(1280, 800, (x, y) => (x < 275 && y < 800 ? [nav] : []));
    const room = reserve('top');
    expect(document.documentElement.style.getPropertyValue('padding-top')).toBe(`${TOP_ROOM_PX}px`);
    // Its top follows the bar down, its bottom stays at the window's: the last links stay in view.
    expect([nav.style.top, nav.style.bottom, nav.style.height]).toEqual([`${TOP_ROOM_PX}px`, '0px', 'auto']);
    room.release();
    expect(nav.getAttribute('style')).toBe('position: fixed;');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('moves the fixed elements of a new page on refresh (GitHub’s Turbo swaps the whole <body>)', () => {
    windowOf(1920, 800, () => []);
    const room = reserve('right');
    document.documentElement.replaceChild(document.createElement('body'), document.body);
    const drawer = fixedAt({ left: 1500, top: 747, width: 400, height: 53 });
    document.elementsFromPoint = (x) => (x >= 1500 ? [drawer] : []);
    expect(drawer.style.right).toBe('');
    room.refresh();
    expect(drawer.style.right).toBe(`${20 + SIDE_ROOM_PX}px`);
    room.release();
    expect(drawer.getAttribute('style')).toBe('position: fixed;');
  });

  it('says when the narrowed page is wider than its room', () => {
    windowOf(1280, 800, () => []);
    const room = reserve('right');
    vi.spyOn(document.body, 'clientWidth', 'get').mockReturnValue(920);
    const scrollWidth = vi.spyOn(document.body, 'scrollWidth', 'get').mockReturnValue(920);
    expect(room.overflows()).toBe(false);
    scrollWidth.mockReturnValue(1265);
    expect(room.overflows()).toBe(true);
  });
});

describe('holdRoom', () => {
  it('keeps the side panel while the page fits, and asks for the bar when a new page overflows beside it', () => {
    windowOf(1280, 800, () => []);
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1280);
    const onSide = vi.fn();
    const room = holdRoom('right', 'github', null, onSide);
    expect(onSide).not.toHaveBeenCalled();
    vi.spyOn(document.body, 'clientWidth', 'get').mockReturnValue(920);
    vi.spyOn(document.body, 'scrollWidth', 'get').mockReturnValue(1265);
    room.refresh();
    expect(onSide).toHaveBeenCalledWith('top');
    room.release();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('keeps the bar for a page that overflowed beside the panel, until the window is wider (they took turns for ever)', () => {
    windowOf(1280, 800, () => []);
    const width = vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1280);
    vi.spyOn(document.body, 'clientWidth', 'get').mockReturnValue(920);
    vi.spyOn(document.body, 'scrollWidth', 'get').mockReturnValue(1000);
    // As the card does: each side asked for is held anew, after the call that asked (a re-render).
    const sides: string[] = [];
    const asked: ('right' | 'top')[] = [];
    let room: ReturnType<typeof holdRoom> | undefined;
    const settle = () => {
      for (let side = asked.shift(); side && sides.length < 10; side = asked.shift()) {
        room?.release();
        sides.push(side);
        room = holdRoom(side, 'github', null, (next) => asked.push(next), atOnce);
      }
    };
    asked.push('right');
    settle();
    expect(sides).toEqual(['right', 'top']);
    // A wider window: the panel is tried again, once.
    width.mockReturnValue(1600);
    room?.refresh();
    settle();
    expect(sides).toEqual(['right', 'top', 'right', 'top']);
    room?.release();
  });

  it('asks for the side its site suits at once: the bar for X at 1280 px', () => {
    windowOf(1280, 800, () => []);
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1280);
    const onSide = vi.fn();
    holdRoom('right', 'x', null, onSide).release();
    expect(onSide).toHaveBeenCalledWith('top');
  });
});

describe('windowPlacedIn', () => {
  it('finds the fixed ancestor of what is under the strip, never the card itself nor static elements', () => {
    const nav = fixedAt({ left: 0, top: 0, width: 275, height: 800 });
    const link = document.createElement('a');
    nav.append(link);
    const text = document.createElement('p');
    document.body.append(text);
    const host = document.createElement('digest-lens-test');
    host.setAttribute('style', 'position: fixed');
    document.documentElement.append(host);
    document.elementsFromPoint = () => [host, link, text, document.body, document.documentElement];
    expect(windowPlacedIn(document, { left: 0, top: 0, right: 100, bottom: 64 }, host)).toEqual([nav]);
    host.remove();
  });
});
