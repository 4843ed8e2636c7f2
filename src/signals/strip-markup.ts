// Removes markup noise from a prose line of an issue body: image links, HTML tags GitHub renders
// (`<details>`, `<summary>`, `<img>`, `<br>`...) and HTML entities. Link text stays. A URL is a
// citation, not the reporter's words: on a code host it keeps the repository and issue it names
// (`github.com/puma/puma/issues/3551`), elsewhere it goes (a Q&A site's slug repeats the title of a
// question about another cause of the same error; a forum's host named a project the report was not
// about). Code lines are never passed here: `<unknown>` or `Vec<u8>` in a trace is not HTML.

// `![alt](url "title")`: an image (screenshot) carries no words of the report.
const IMAGE_LINK = /!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)/g;
// `[text](url)` → `text (url)`: keeps both, without the brackets glued to the words.
const LINK = /\[([^\]\n]{1,300})\]\(([^()[\]\s]{1,1000})\)/g;
// A URL in prose, up to whitespace or the bracket or quote around it.
const URL = /\bhttps?:\/\/([\w.-]{1,253})(\/[^\s<>()[\]"'`]{0,2000})?/g;
// On a code host, the repository and the issue, pull request or discussion a path names.
const CODE_HOST_PATH = /^\/[\w.-]+\/[\w.-]+(?:\/(?:issues|pull|discussions|-\/issues)\/\d+)?/;
const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$/i;

function shortUrl(_url: string, host: string, path: string | undefined): string {
  if (!CODE_HOSTS.test(host)) return '';
  return host + (path ? (CODE_HOST_PATH.exec(path)?.[0] ?? '') : '');
}

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

/** Prose line without images, HTML tags or entities; links become `text (url)`, URLs short (see above). */
export function stripMarkup(line: string): string {
  let out = line;
  if (out.includes('](')) out = out.replace(IMAGE_LINK, ' ').replace(LINK, '$1 ($2)');
  if (out.includes('://')) out = out.replace(URL, shortUrl);
  if (out.includes('<')) out = out.replace(HTML_TAG, ' ');
  if (out.includes('&')) out = out.replace(ENTITY, (_m, name: string) => ENTITY_TEXT[name] ?? ' ');
  return out;
}
