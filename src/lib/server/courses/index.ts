export { loadContent } from './loader';
export { renderMarkdown } from './render';
export { parseFrontmatter, FrontmatterError, type Frontmatter } from './frontmatter';
export { hashCourseFiles } from './hash';
export * from './types';
