/**
 * The page UI chunk: Preact, the card and its CSS. Never listed in the manifest nor web-accessible: the background
 * injects it into a tab's frame after that frame's lookup matched, or on the shortcut (lib/background/page-ui-loader).
 * It runs in the same isolated world as the lean page script and hands itself over through lib/page-ui/contract.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { marksUi } from '../../components/marks/marks-ui';
import { registerPageUi } from '../../lib/page-ui/contract';
import { createCard } from './card';

export default defineUnlistedScript(() => {
  registerPageUi({ createCard, marks: marksUi });
});
