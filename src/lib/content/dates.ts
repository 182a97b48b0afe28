// Dates in the story file (YYYY-MM-DD: when it was published, its updates), checked as calendar
// dates (src/lib/i18n writes them out for readers, in the story's language).

/** Whether `text` is a real calendar date written YYYY-MM-DD (not 2026-13-45, nor 2025-02-30). */
export function isDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
