/**
 * A classic script the popup's and side panel's HTML run before their modules (components/shared/early-answer.ts):
 * it asks for the latest digest while the reader's code loads. Listed in no manifest key; loaded by those pages only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askEarly } from '../../components/shared/early-answer';

export default defineUnlistedScript(() => askEarly());
