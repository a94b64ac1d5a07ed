package io.memberpulse.salesforce.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests against the running service. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String connectionPath(String tenantId) {
        return "/api/v1/tenants/" + tenantId + "/salesforce/connection";
    }
}
