// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMarks } from '../../../components/marks/start-marks';

describe('startMarks at document_start (the script’s evaluation, on every page of the served sites)', () => {
  beforeEach(() => {
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('makes nothing before the HTML is parsed (its observer and the page’s keys wait for DOMContentLoaded), and no element until a mark matched', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const created = vi.spyOn(document, 'createElement');
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    const stop = new AbortController();
    startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    expect(observed).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(observed).toHaveBeenCalledTimes(1);
    // The marks' layer is the page UI chunk's, drawn once the background answered a match.
    expect(created).not.toHaveBeenCalled();
    stop.abort();
  });

  it('starts at once when the HTML is already parsed, and not at all once stopped', () => {
    const observed = vi.spyOn(MutationObserver.prototype, 'observe');
    const stop = new AbortController();
    startMarks({ isInvalid: false, signal: stop.signal }, 'github');
    expect(observed).toHaveBeenCalledTimes(1);
    stop.abort();
    startMarks({ isInvalid: true, signal: stop.signal }, 'github');
    expect(observed).toHaveBeenCalledTimes(1);
  });
});
