package io.memberpulse.salesforce.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI document header: every {@code /api} call needs a bearer JWT. */
@OpenAPIDefinition(
        info = @Info(title = "MemberPulse Salesforce integration API", version = "1.0.0"),
        security = @SecurityRequirement(name = ApiDefinition.BEARER))
@SecurityScheme(securitySchemeName = ApiDefinition.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "RS256 JWT from MemberPulse's identity provider; roles in `groups`, "
                + "tenant in `tenant_id`")
public class ApiDefinition extends Application {

    public static final String BEARER = "bearer";
}
