// The export and interoperability core: plain renderers and parsers over plain data. The service
// layer loads and authorizes; nothing here queries or knows who is asking.
export * from "./types";
export * from "./csv";
export * from "./claim-review";
export * from "./claim-review-rules";
export * from "./web-annotation";
export * from "./web-annotation-import";
export * from "./markdown-report";
export * from "./html-report";
