// The example queries of schema/examples/ (and schema/examples/dashboards/ when present), embedded at build
// time so the IDE offers exactly the files of the commit it was built from.
const files = import.meta.glob('../../../schema/examples/**/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  name: string;
  query: string;
  /** The file's leading '# Question:' comment, for the list. */
  question: string;
}

export const examples: Example[] = Object.entries(files)
  .map(([path, query]) => {
    const name = path.replace(/^.*schema\/examples\//, '');
    const question = /^#\s*Question:\s*(.+)$/m.exec(query)?.[1]?.trim() ?? '';
    return { name, query, question };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
