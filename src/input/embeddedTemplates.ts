// Templates compiled into the single executable (scripts/package.mjs replaces this module with the files
// of templates/ as strings); null when rehab runs from its folder and reads templates/ from disk.
export const EMBEDDED_TEMPLATES: Readonly<Record<string, string>> | null = null;
