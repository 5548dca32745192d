/** The files a README shows: each fenced block right after a `<!-- file: name -->` line, by name. */
export function readmeFiles(markdown: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const match of markdown.matchAll(/<!-- file: ([\w.-]+) -->\n```\w*\n([\s\S]*?)```/g)) files[match[1] as string] = match[2] as string;
  return files;
}
