package cn.edu.xietong.web.chat;

import cn.edu.xietong.chat.ChatLine;
import cn.edu.xietong.chat.ConversationKind;
import cn.edu.xietong.chat.ConversationView;
import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.chat.FoundMessage;
import cn.edu.xietong.chat.ListedConversation;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs chat/chat.xhtml (A4): the caller's conversations, one open conversation ({@code ?c=id}) with its history,
 * sending text and files, starting a conversation with one person or a group, inviting, leaving, and search. New
 * messages arrive through the page's websocket, which calls {@link #arrived()}; the page then takes what is new from
 * the service with the caller's rights.
 */
@Named
@ViewScoped
public class ChatView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @EJB
    private Conversations conversations;

    @EJB
    private FileStore files;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private String c;
    private Long current;
    private ConversationView view;
    private final List<ChatLine> lines = new ArrayList<>();
    private boolean more;
    private String text;
    private String with;
    private String groupTitle;
    private List<String> groupPeople = new ArrayList<>();
    private List<String> invitees = new ArrayList<>();
    private String query;
    private List<FoundMessage> found;
    private transient List<ListedConversation> list;

    /** Opens the conversation named by {@code ?c=} (a conversation not the caller's is refused: 403). */
    public void load() {
        if (c != null && !c.isBlank()) {
            open(PageRequest.id("c", c));
        }
    }

    private void open(long id) {
        view = conversations.open(id, PAGE);
        current = id;
        lines.clear();
        lines.addAll(view.lines());
        more = view.more();
        list = null;
    }

    public List<ListedConversation> getConversations() {
        if (list == null) {
            list = conversations.mine();
        }
        return list;
    }

    /** The websocket said a conversation has a new message: take what is new, or refresh the list's counts. */
    public void arrived() {
        String named = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("conversation");
        list = null;
        if (current != null && String.valueOf(current).equals(named)) {
            lines.addAll(conversations.after(current, lastId()));
        }
    }

    public void send() {
        if (current == null) {
            return;
        }
        try {
            conversations.send(current, text, null);
            text = null;
            lines.addAll(conversations.after(current, lastId()));
            list = null;
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void upload(FileUploadEvent event) {
        if (current == null) {
            return;
        }
        try {
            String uid = files.upload(event.getFile().getFileName(), event.getFile().getContent()).uid();
            conversations.send(current, null, uid);
            lines.addAll(conversations.after(current, lastId()));
            list = null;
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void earlier() {
        if (current == null || lines.isEmpty()) {
            return;
        }
        List<ChatLine> older = conversations.earlier(current, lines.get(0).id(), PAGE);
        more = older.size() == PAGE;
        lines.addAll(0, older);
    }

    public void startWith() throws IOException {
        if (with == null || with.isBlank()) {
            messages.error("chat.choosePerson");
            return;
        }
        try {
            go(conversations.direct(with));
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void startGroup() throws IOException {
        try {
            go(conversations.group(groupTitle, groupPeople));
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void invite() {
        if (messages.attempt(() -> conversations.invite(current, invitees), "chat.invited")) {
            invitees = new ArrayList<>();
            open(current);
        }
    }

    public void leave() throws IOException {
        conversations.leave(current);
        messages.info("chat.left");
        messages.keepForRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/chat/chat.xhtml");
    }

    public void search() {
        found = conversations.search(query, language.getLocale());
    }

    private void go(long id) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/chat/chat.xhtml?c=" + id);
    }

    private long lastId() {
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).id();
    }

    /** The open conversation's name in the page's language. */
    public String getTitle() {
        return view == null ? "" : view.label(language.getLocale(),
                FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    public boolean isGroup() {
        return view != null && view.kind() == ConversationKind.GROUP;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public Long getCurrent() {
        return current;
    }

    public ConversationView getView() {
        return view;
    }

    public List<ChatLine> getLines() {
        return lines;
    }

    public boolean isMore() {
        return more;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getWith() {
        return with;
    }

    public void setWith(String with) {
        this.with = with;
    }

    public String getGroupTitle() {
        return groupTitle;
    }

    public void setGroupTitle(String groupTitle) {
        this.groupTitle = groupTitle;
    }

    public List<String> getGroupPeople() {
        return groupPeople;
    }

    public void setGroupPeople(List<String> groupPeople) {
        this.groupPeople = groupPeople == null ? new ArrayList<>() : groupPeople;
    }

    public List<String> getInvitees() {
        return invitees;
    }

    public void setInvitees(List<String> invitees) {
        this.invitees = invitees == null ? new ArrayList<>() : invitees;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<FoundMessage> getFound() {
        return found;
    }
}
