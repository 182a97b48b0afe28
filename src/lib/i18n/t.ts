// The interface's words on the pages: `t('map.explore')`, in the language the story names
// (virtual:messages, vite.config.ts). The messages are in en.json, de.json, … beside this file.
import current from 'virtual:messages';
import { isDate } from '$lib/content/dates';
import { translator } from './translate.js';

export const i18n = translator(current.language, current.messages);
export const { t, parts, date, language } = i18n;

/** A date of the data ("as of"), written out when it is one (YYYY-MM-DD), else as it is given. */
export const dayOf = (text: string) => (isDate(text) ? date(text) : text);
