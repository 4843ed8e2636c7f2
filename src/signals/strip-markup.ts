// Removes markup noise from a prose line of an issue body: image links, HTML tags GitHub renders
// (`<details>`, `<summary>`, `<img>`, `<br>`...) and HTML entities. Link text and URLs stay (a URL may
// name the upstream issue). Code lines are never passed here: `<unknown>` or `Vec<u8>` in a trace is
// not HTML.

// `![alt](url "title")`: an image (screenshot) carries no words of the report.
const IMAGE_LINK = /!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)/g;
// `[text](url)` → `text (url)`: keeps both, without the brackets glued to the words.
const LINK = /\[([^\]\n]{1,300})\]\(([^()[\]\s]{1,1000})\)/g;
// Tags GitHub renders in issues; a fixed list so that `<sysprof>` or `<anonymous>` in prose survive.
const HTML_TAG =
  /<\/?(?:a|b|i|u|s|p|br|hr|em|tt|del|ins|sub|sup|kbd|pre|code|samp|span|div|img|picture|source|video|details|summary|strong|small|blockquote|table|thead|tbody|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|center|font|mark|figure|figcaption)(?=[\s/>])[^<>\n]{0,1000}>/gi;
// The entities GitHub users type or paste (`&lt;`, `&#39;`).
const ENTITY = /&(lt|gt|amp|quot|apos|nbsp|#39|#x27);/g;

const ENTITY_TEXT: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
};

/** Prose line without images, HTML tags or entities; links become `text (url)`. */
export function stripMarkup(line: string): string {
  let out = line;
  if (out.includes('](')) out = out.replace(IMAGE_LINK, ' ').replace(LINK, '$1 ($2)');
  if (out.includes('<')) out = out.replace(HTML_TAG, ' ');
  if (out.includes('&')) out = out.replace(ENTITY, (_m, name: string) => ENTITY_TEXT[name] ?? ' ');
  return out;
}
