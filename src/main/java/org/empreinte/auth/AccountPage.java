package org.empreinte.auth;

import java.util.List;

import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** One's own tokens (a new one shown once), and for an administrator the users and a form to add one. */
public class AccountPage extends Page {

    private final User user;
    private final List<AuthDao.Token> tokens;
    private final List<User> users;
    private final String newToken;
    private final Form userForm;

    public AccountPage(PageContext context, User user, List<AuthDao.Token> tokens, List<User> users, String newToken,
            Form userForm) {
        super("account.mustache", context);
        this.user = user;
        this.tokens = tokens;
        this.users = users;
        this.newToken = newToken;
        this.userForm = userForm;
    }

    /** An invitation as the page says it, in the reader's language. */
    public record InvitationLine(long id, String text) {
    }

    private List<InvitationLine> invitations = List.of();

    public AccountPage withInvitations(List<InvitationDao.Received> received) {
        this.invitations = received.stream().map(i -> new InvitationLine(i.id(), messages().format("account_invitation",
                i.organizationName(), messages().get("role_" + i.role()).toLowerCase(java.util.Locale.ROOT)))).toList();
        return this;
    }

    public List<InvitationLine> getInvitations() {
        return invitations;
    }

    private Form passwordForm = Form.empty();
    private boolean passwordChanged;

    public AccountPage withPasswordForm(Form form) {
        this.passwordForm = form;
        return this;
    }

    public AccountPage withPasswordChanged(boolean changed) {
        this.passwordChanged = changed;
        return this;
    }

    public Form getPasswordForm() {
        return passwordForm;
    }

    public boolean getPasswordChanged() {
        return passwordChanged;
    }

    /** The environment's token has no password to change. */
    public boolean getHasPassword() {
        return user.id() > 0;
    }

    @Override
    public String getTitle() {
        return messages().get("account_title");
    }

    public User getUser() {
        return user;
    }

    /** A token with its times in local time and the reader's format. */
    public record TokenLine(long id, String label, String createdAt, String lastUsedAt, String revokedAt) {
    }

    public List<TokenLine> getTokens() {
        java.util.Locale locale = messages().locale();
        return tokens.stream().map(t -> new TokenLine(t.id(), t.label(), org.empreinte.web.LocalTimes.format(t.createdAt(), locale),
                org.empreinte.web.LocalTimes.format(t.lastUsedAt(), locale),
                org.empreinte.web.LocalTimes.format(t.revokedAt(), locale))).toList();
    }

    public boolean getAdmin() {
        return user.admin();
    }

    public List<User> getUsers() {
        return users;
    }

    public String getNewToken() {
        return newToken;
    }

    public Form getUserForm() {
        return userForm;
    }
}
