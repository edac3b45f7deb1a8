package cn.edu.xietong.chat;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation: plain text (shown escaped, never as HTML) and optionally a file, stored once and
 * checked and scanned at upload (S1). Kept as history; never edited.
 */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    public static final int MAX_TEXT = 4000;

    @Id
    @SequenceGenerator(name = "chat_message_seq", sequenceName = "chat_message_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "conversation_id", nullable = false, updatable = false)
    private Conversation conversation;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "sender_id", nullable = false, updatable = false)
    private Person sender;

    @Column(nullable = false, length = MAX_TEXT, updatable = false)
    private String body;

    @Column(name = "file_uid", length = 36, updatable = false)
    private String fileUid;

    @Column(name = "file_name", length = 200, updatable = false)
    private String fileName;

    @Column(name = "file_type", length = 100, updatable = false)
    private String fileType;

    @Column(name = "file_size", updatable = false)
    private Long fileSize;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ChatMessage() {
    }

    /** A message: text of at most 4,000 characters (nothing cut), or a file, or both; not nothing. */
    ChatMessage(Conversation conversation, Person sender, String text, FileInfo file, Instant at) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) {
            throw new DomainException("chat.tooLong", MAX_TEXT);
        }
        if (t.isEmpty() && file == null) {
            throw new DomainException("chat.empty");
        }
        this.conversation = Objects.requireNonNull(conversation);
        this.sender = Objects.requireNonNull(sender);
        this.body = t;
        if (file != null) {
            this.fileUid = file.uid();
            this.fileName = file.name();
            this.fileType = file.contentType();
            this.fileSize = file.size();
        }
        this.sentAt = Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public Person getSender() {
        return sender;
    }

    public String getBody() {
        return body;
    }

    public String getFileUid() {
        return fileUid;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileType() {
        return fileType;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
