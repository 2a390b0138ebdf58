package io.suiji.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as services need it for filtering: name, roles, and the {@code region} and
 * {@code department} claims the Keycloak realm maps from user attributes. Component tests supply
 * the same values as {@code @TestSecurity} attributes.
 */
@RequestScoped
public class CallerScope {

    public static final String REGION = "region";
    public static final String DEPARTMENT = "department";
    /** The realm maps an inspector's registry id (执法检查人员名录库编号) into this claim. */
    public static final String INSPECTOR_ID = "inspector_id";

    private final SecurityIdentity identity;

    @Inject
    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> region() {
        return claim(REGION);
    }

    public Optional<String> department() {
        return claim(DEPARTMENT);
    }

    /**
     * Who the caller is as a member of inspector groups: the registry id of the {@code inspector_id}
     * claim when the account is linked to the registry, else the user name — groups drawn from the
     * registry name inspectors by registry id, and accounts are linked by the bureau's Keycloak admin.
     */
    public String inspectorId() {
        return claim(INSPECTOR_ID).filter(id -> !id.isBlank()).orElse(name());
    }

    /** The caller's region scope; an authenticated caller without a region sees nothing regional. */
    public Optional<RegionScope> regionScope() {
        return region().filter(r -> r.matches("\\d{6}")).map(RegionScope::new);
    }

    /** Whether the caller may see data of {@code region}; anonymous callers see only public data. */
    public boolean covers(String region) {
        return regionScope().map(scope -> scope.covers(region)).orElse(false);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            if (value != null) {
                return Optional.of(value.toString().replace("\"", ""));
            }
        }
        Object attribute = identity.getAttribute(name);
        return Optional.ofNullable(attribute).map(Object::toString);
    }
}
