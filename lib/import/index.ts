export { extractText, extensionOf, isSupportedFile, type ExtractedText } from "./extract";
export { ImportProblem, textProblem, MAX_FILE_BYTES, MAX_TEXT_BYTES, SUPPORTED_EXTENSIONS } from "./problems";
