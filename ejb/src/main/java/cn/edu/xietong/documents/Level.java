package cn.edu.xietong.documents;

/**
 * A document's confidentiality level (S4): 公开, 校内, 受控. Chosen at upload, changed only by the library's manager
 * with a reason. A controlled document is viewed by its readers but never downloaded without an approval.
 */
public enum Level {
    PUBLIC, INTERNAL, CONTROLLED
}
