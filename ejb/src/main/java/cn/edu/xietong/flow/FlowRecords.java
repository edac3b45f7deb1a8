package cn.edu.xietong.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.ValueText;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is on record of an instance, for whoever may see it (S3, O1.3, B3): the instance as the caller may see it, the
 * initiator's revision, the files its fields name (S4), the signed trail with its verification and export, and the
 * printable approval sheet. A person sees an instance only if they take part in it, or supervise core flows (O1.5);
 * refused alike when the instance does not exist.
 */
@Stateless
@RolesAllowed("STAFF")
public class FlowRecords {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private FlowTrail trail;

    @EJB
    private OfficeClock clock;

    @EJB
    private FileStore files;

    @EJB
    private AuditTrail audit;

    /**
     * An instance as the caller may see it (S3, O1.3): the form without the fields hidden from their nodes, the files
     * those fields name, the diagram, the trail with its verification and the actions open to them, read in one
     * transaction. Refused alike when the instance does not exist and when the caller takes no part in it.
     */
    public InstanceSight sight(long instanceId) {
        Person me = directory.me();
        return sightOf(InstanceAccess.visible(em, instanceId, me), me);
    }

    /**
     * Whether the caller may see the instance (takes part in it, or supervises its core flow), for a module that
     * shows what an instance decides on (a notice under review): answered, never refused, so that the asking service
     * refuses in its own words.
     */
    public boolean takesPart(long instanceId) {
        try {
            InstanceAccess.visible(em, instanceId, directory.me());
            return true;
        } catch (jakarta.ejb.EJBAccessException notVisible) {
            return false;
        }
    }

    private InstanceSight sightOf(FlowInstance instance, Person me) {
        InstanceSight sight = instance.sightFor(me, me.hasRole(Role.SUPERVISOR), clock.now());
        return sight.with(files.infos(sight.attachments()), trail.actions(instance), trail.verify(instance));
    }

    /**
     * A draft, returned or withdrawn instance as its initiator revises it before submitting again: only the initiator
     * gets it (the whole form is theirs), and only while it is with them.
     */
    public Revision revision(long instanceId) {
        Person me = directory.me();
        FlowInstance instance = InstanceAccess.visible(em, instanceId, me);
        if (!instance.isInitiator(me)) {
            throw new EJBAccessException(me.getLogin() + " did not start instance " + instanceId);
        }
        if (!instance.getStatus().withInitiator()) {
            throw new DomainException("flow.notWithInitiator");
        }
        FormSchema schema = instance.getDesign().getForm().schema();
        return new Revision(instance.getId(), instance.getDesign(), instance.getTitle(), instance.values(),
                instance.getReturnReason(), files.infos(schema.attachments(instance.values())),
                instance.chosenHandlers());
    }

    /**
     * A file named by a field of an instance the caller may see, and not hidden from their nodes (S4: downloads are
     * controlled and recorded in the audit trail).
     *
     * @throws DomainException {@code flow.noSuchFile} when the instance's visible fields do not name the file
     */
    public StoredFile attachment(long instanceId, String uid) {
        Person me = directory.me();
        FlowInstance instance = InstanceAccess.visible(em, instanceId, me);
        if (!instance.attachmentsFor(me).contains(uid)) { // the rule the sight applies, without building it
            throw new DomainException("flow.noSuchFile");
        }
        StoredFile file = em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", uid)
                .getResultStream().findFirst().orElseThrow(() -> new DomainException("flow.noSuchFile"));
        audit.record(AuditEvent.FILE_DOWNLOAD, AuditOutcome.SUCCESS, me.getLogin(), null,
                file.getName() + " sha256=" + file.getSha256() + " of flow " + instance.getUid());
        return file;
    }

    /** The signed actions of the instance, oldest first (B3). */
    public List<FlowAction> trail(long instanceId) {
        return trail.actions(InstanceAccess.visible(em, instanceId, directory.me()));
    }

    /** The trail checked now against the instance, the server's key and the heads file (B3). */
    public TrailCheck verify(long instanceId) {
        return trail.verify(InstanceAccess.visible(em, instanceId, directory.me()));
    }

    /** The trail as text, to verify outside the server with the public key ({@link #trailKey}). */
    public String exportTrail(long instanceId) {
        return trail.export(InstanceAccess.visible(em, instanceId, directory.me()));
    }

    /**
     * The printable approval sheet (B3) of an instance the caller may see, with the trail verified now, in the caller's
     * language.
     *
     * @throws DomainException {@code flow.sheet.noFont} when the server has no CJK font
     */
    public byte[] approvalSheet(long instanceId, Locale locale) {
        Person me = directory.me();
        InstanceSight sight = sightOf(InstanceAccess.visible(em, instanceId, me), me);
        Map<String, FileInfo> attached = new HashMap<>();
        sight.files().forEach(file -> attached.put(file.uid(), file));
        Function<String, String> personName = login -> Person.byLogin(em, login)
                .map(p -> p.getFullName() + " (" + login + ")").orElse(login);
        ValueText values = new ValueText(locale, personName,
                code -> directory.unitByCode(code).map(u -> u.name(locale)).orElse(code),
                uid -> Optional.ofNullable(attached.get(uid))
                        .map(file -> file.name() + " (SHA-256 " + file.sha256().substring(0, 16) + "…)").orElse(uid));
        return ApprovalSheet.render(sight, trail.keyId(), locale, values, personName, clock.now());
    }

    /** The public key the trails are signed with, as PEM. */
    public String trailKey() {
        return trail.publicKeyPem();
    }
}
