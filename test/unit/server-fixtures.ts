/** A small BibTeX file the language server tests (Node and web worker) cite from: `doe2023` and `roe2021`. */
export const turbinesBib = [
  '@article{doe2023,',
  '  author = {Doe, Jane and Roe, Rick},',
  '  title = {Turbines at Sea},',
  '  journal = {Wind Journal},',
  '  year = {2023}',
  '}',
  '',
  '@book{roe2021,',
  '  author = {Roe, Rick},',
  '  title = {Blades},',
  '  year = {2021}',
  '}',
  '',
].join('\n');
