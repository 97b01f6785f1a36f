using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class RedactorTests
{
    [Theory]
    [InlineData("PS-Auth key=SECRETKEY; runas=demo;", "PS-Auth key=***; runas=demo;")]
    [InlineData("PS-Auth key=SECRETKEY; runas=demo; pwd=[hunter2];", "PS-Auth key=***; runas=demo; pwd=[***];")]
    [InlineData("PS-Auth key=SECRETKEY; runas=demo; pwd=[a;b]c]; challenge=123456;", "PS-Auth key=***; runas=demo; pwd=[***]; challenge=***;")]
    [InlineData("PS-Auth key=SECRETKEY; runas=demo; challenge=123456;", "PS-Auth key=***; runas=demo; challenge=***;")]
    [InlineData("Bearer eyJhbGciOi.secret.token", "Bearer ***")]
    [InlineData("Basic dXNlcjpwYXNz", "Basic ***")]
    public void AuthorizationHeaderIsRedacted(string header, string expected) =>
        Assert.Equal(expected, Redactor.RedactAuthorization(header));

    [Fact]
    public void PasswordContainingRunAsCannotLeak()
    {
        var redacted = Redactor.RedactAuthorization("PS-Auth key=K; runas=demo; pwd=[x; runas=LEAK; challenge=];");
        Assert.DoesNotContain("LEAK", redacted);
        Assert.DoesNotContain("K;", redacted.Replace("key=***;", string.Empty));
        Assert.Contains("runas=demo;", redacted);
    }

    [Fact]
    public void RedactsEveryHeaderValueThatCarriesSecrets()
    {
        Assert.Equal("ASP.NET_SessionId=***", Redactor.RedactHeader("Set-Cookie", "ASP.NET_SessionId=abc123; path=/; secure"));
        Assert.Equal("ASP.NET_SessionId=***", Redactor.RedactHeader("Cookie", "ASP.NET_SessionId=abc123"));
        Assert.Equal("Bearer ***", Redactor.RedactHeader("authorization", "Bearer tok"));
        Assert.Equal("application/json", Redactor.RedactHeader("Accept", "application/json"));
    }

    [Theory]
    [InlineData("https://h/BeyondTrust/api/public/v3/Credentials/1234", "https://h/BeyondTrust/api/public/v3/Credentials/****")]
    [InlineData("https://h/BeyondTrust/api/public/v3/Requests/77/Checkin", "https://h/BeyondTrust/api/public/v3/Requests/****/Checkin")]
    [InlineData("Credentials/55?type=password", "Credentials/****?type=password")]
    [InlineData("https://h/v3/requests/9?reason=Requests/1", "https://h/v3/requests/****?reason=Requests/1")]
    [InlineData("https://h/v3/Credentials//14", "https://h/v3/Credentials//****")]
    [InlineData("Requests///9/Checkin", "Requests///****/Checkin")]
    [InlineData("https://h/v3/Requests", "https://h/v3/Requests")]
    [InlineData("https://h/v3/ISARequests", "https://h/v3/ISARequests")]
    [InlineData("https://h/v3/ManagedAccounts?systemName=srv", "https://h/v3/ManagedAccounts?systemName=srv")]
    [InlineData("https://h/v3/Credentials/%31%32", "https://h/v3/Credentials/****")]
    [InlineData("https://h/v3/Credentials/12abc", "https://h/v3/Credentials/****")]
    [InlineData("https://h/v3/ManagedAccounts/2/Credentials/Change", "https://h/v3/ManagedAccounts/2/Credentials/Change")]
    [InlineData("https://h/v3/ManagedAccounts/2/Credentials/Test", "https://h/v3/ManagedAccounts/2/Credentials/Test")]
    [InlineData("https://h/v3/ManagedSystems/4/Requests/Terminate", "https://h/v3/ManagedSystems/4/Requests/Terminate")]
    [InlineData("https://h/v3/Aliases/7/Requests?x=1", "https://h/v3/Aliases/7/Requests?x=1")]
    public void RequestAndCredentialIdsAreMasked(string uri, string expected) =>
        Assert.Equal(expected, Redactor.RedactUri(uri));

    [Theory]
    [InlineData("https://h/v3/ManagedAccounts?systemName=web 01&accountName=ren\u00E9", "https://h/v3/ManagedAccounts?systemName=web%2001&accountName=ren%C3%A9")]
    [InlineData("https://h/v3/ManagedAccounts?workgroupName=Ost%2FWest%20%26%20Nord", "https://h/v3/ManagedAccounts?workgroupName=Ost%2FWest%20%26%20Nord")]
    [InlineData("https://h/v3/Credentials/12?type=password", "https://h/v3/Credentials/****?type=password")]
    public void AUriIsShownAsSent_PercentEncoded_IdsMasked(string uri, string expected) =>
        Assert.Equal(expected, Redactor.RedactUri(new System.Uri(uri)));

    [Fact]
    public void SecretJsonPropertiesAreMasked()
    {
        var redacted = Redactor.RedactJson("{\"UserName\":\"ci\",\"Password\":\"p\\\"w\",\"ClientSecret\":\"abc\",\"AccessTokenDuration\":60,\"Id\":3}");
        Assert.Equal("{\"access_token\":\"***\",\"Key\":\"***\"}", Redactor.RedactJson("{\"access_token\":\"t\",\"Key\":\"k\"}"));
        Assert.Equal("{\"UserName\":\"ci\",\"Password\":\"***\",\"ClientSecret\":\"***\",\"AccessTokenDuration\":60,\"Id\":3}", redacted);
    }

    [Theory]
    [InlineData("{\"UserPasswordRequired\":true,\"MultiFactorAuthenticationEnforced\":false}")]
    [InlineData("{\"ClientSecretExpiryDate\":\"2027-01-31T08:00:00Z\"}")]
    [InlineData("{\"ClientSecretExpiryDate\":\"2027-01-31T08:00:00.1234567+01:00\"}")]
    [InlineData("{\"ClientSecretExpiryDate\":\"2027-01-31\",\"ClientSecret\":null}")]
    [InlineData("{\"SecretValueModifiedOn\":\"2026-11-22 15:56:39\"}")]
    [InlineData("{\"PasswordRuleID\":5,\"CheckPasswordFlag\":true,\"ChangePasswordAfterAnyReleaseFlag\":false}")]
    [InlineData("{ \"UserPasswordRequired\" : true }")]
    public void FlagsDatesAndIdsAboutASecret_AreShown(string json) =>
        Assert.Equal(json, Redactor.RedactJson(json));

    [Theory]
    [InlineData("{\"Password\":\"true\"}", "{\"Password\":\"***\"}")]                                            // text, not a boolean
    [InlineData("{\"Password\":123456}", "{\"Password\":\"***\"}")]                                                // a numeric PIN in a hand-written body
    [InlineData("{\"Password\":\"2027-01-31\"}", "{\"Password\":\"***\"}")]                                       // date-shaped, but under a secret's own name
    [InlineData("{\"ClientSecretExpiryDate\":\"s3cr3t-2027\"}", "{\"ClientSecretExpiryDate\":\"***\"}")]            // a Date name whose value is no date
    [InlineData("{\"PasswordRuleID\":\"abc\"}", "{\"PasswordRuleID\":\"***\"}")]                                   // an ID name whose value is no number
    [InlineData("{\"PasswordRuleID\":5.5}", "{\"PasswordRuleID\":\"***\"}")]
    [InlineData("{\"ClientSecret\":\"abc\",\"ClientSecretExpiryDate\":\"2027-01-31\"}", "{\"ClientSecret\":\"***\",\"ClientSecretExpiryDate\":\"2027-01-31\"}")]
    [InlineData("{\"Key\":TRUE}", "{\"Key\":\"***\"}")]                                                             // not a JSON literal
    public void SecretValues_StayMasked_WhateverTheirShape(string json, string expected) =>
        Assert.Equal(expected, Redactor.RedactJson(json));

    [Theory]
    [InlineData("Auth/SignAppIn", true)]
    [InlineData("/auth/connect/token", true)]
    [InlineData("Credentials/12", true)]
    [InlineData("ManagedAccounts/3/Credentials", true)]
    [InlineData("ApiRegistrations/1/Key", true)]
    [InlineData("ApiRegistrations/1/Rotate", true)]
    [InlineData("ApiRegistrations/1/Key/", true)]
    [InlineData("ApiRegistrations/4/Rotate//", true)]
    [InlineData("ApiRegistrations/1/Key/.", true)]
    [InlineData("ApiRegistrations/1/Key/?x=1", true)]
    [InlineData("ApiRegistrations/1/Key#frag", true)]
    [InlineData("ApiRegistrations/1/%4Bey", true)]
    [InlineData("Users/3/Recycle%43lientSecret", true)]
    [InlineData("Users/3/RecycleClientSecret", true)]
    [InlineData("Secrets-Safe/Secrets", true)]
    [InlineData("ManagedAccounts?systemName=x", false)]
    [InlineData("Users", false)]
    public void BodiesOfSecretBearingCallsAreNeverLogged(string path, bool sensitive) =>
        Assert.Equal(sensitive, Redactor.IsSensitivePath(path));

    [Theory]
    [InlineData("Requests", true)]
    [InlineData("Requests/5/", true)]
    [InlineData("Requests/5/.", true)]
    [InlineData("%52equests/5", true)]
    [InlineData("ISARequests", true)]
    [InlineData("ManagedAccounts/3/Requests#x", true)]
    [InlineData("Sessions?status=1", true)]
    [InlineData("ManagedAccounts", false)]
    [InlineData("RequestTermination", false)]
    public void CheckoutAnswersAreJudgedOnThePathTheServerReads(string path, bool carriesSecret) =>
        Assert.Equal(carriesSecret, PasswordSafe.Http.ApiClient.CarriesCheckoutSecret(path));
}
