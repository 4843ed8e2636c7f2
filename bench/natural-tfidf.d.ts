// natural's tfidf module is CommonJS with `module.exports = TfIdf`, so under ESM the class is the default
// export (src/natural.d.ts declares it as a named export, which is undefined at run time). This adds
// the default export to that declaration for the benchmark's naive baseline.
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  const TfIdfClass: typeof TfIdf;
  export default TfIdfClass;
}
