using System;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>C1–C4, C7 on a shared emulator: OAuth sign-in, token lifetime, impersonation and revocation.</summary>
public sealed class OAuthTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public OAuthTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void C1_C2_ApplicationUser_SignsInWithClientCredentials()
    {
        using var shell = emulator.NewRunner(interactive: false);
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", "-PassThru")).AssertSuccess();

        var session = result.Output[0];
        Assert.Equal("ci-bot", session.Properties["UserName"].Value);
        Assert.Equal("OAuth", session.Properties["AuthenticationMethod"].Value?.ToString());
        Assert.Single(audit.NewEntries(AuditKinds.TokenIssued));
    }

    [Fact]
    public void C1_ApplicationUser_CannotBeTheRunAsOfAnApiKey()
    {
        using var shell = emulator.NewRunner();

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "ci-bot"))
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void C2_WrongClientSecret_OAuthClientRejected()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", secret: "wrong-secret-wrong-secret-wrong-secret-00"));

        result.AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
        Assert.Single(audit.NewEntries(AuditKinds.TokenRejected));
    }

    [Fact]
    public void C2_UnknownClientId_OAuthClientRejected()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("ClientCredential", new PSCredential(Guid.NewGuid().ToString(), EmulatorFixture.Secure(emulator.Seed.ClientSecret("ci-bot"))));

        shell.Run("Connect-PasswordSafe -Uri $Uri -ClientCredential $ClientCredential -ServerCertificateThumbprint $Thumbprint")
            .AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void C2_AccessPolicyIpRuleExcludesCaller_OAuthClientRejected()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run(emulator.ConnectWithClient(shell, "remote-bot"))
            .AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);

        var rejected = Assert.Single(audit.NewEntries(AuditKinds.TokenRejected));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Reason));
    }

    [Theory]
    [InlineData("ci-bot", 3600)]
    [InlineData("short-bot", 60)]
    public async Task C3_TokenLifetime_IsTheAccessPolicyDuration(string applicationUser, int expectedSeconds)
    {
        using var http = new DirectApiClient(emulator);

        using var response = await http.RequestTokenAsync(emulator.Seed.ClientId(applicationUser), emulator.Seed.ClientSecret(applicationUser));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, expiresIn) = await DirectApiClient.ReadTokenAsync(response);
        Assert.Equal(expectedSeconds, expiresIn);
    }

    [Fact]
    public void C3_SessionShowsWhenItsTokenExpires()
    {
        using var shell = emulator.NewRunner();

        var session = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", "-PassThru")).AssertSuccess().Output[0];

        var expires = (DateTimeOffset)session.Properties["TokenExpiresAt"].Value!;
        Assert.InRange(expires - emulator.Clock.GetUtcNow(), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task C3_UnsupportedGrantType_400()
    {
        using var http = new DirectApiClient(emulator);

        using var response = await http.RequestTokenAsync(emulator.Seed.ClientId("ci-bot"), emulator.Seed.ClientSecret("ci-bot"), "password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unsupported_grant_type", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void C4_RunAsUserOfTheSameGroup_IsImpersonated()
    {
        using var shell = emulator.NewRunner();

        var session = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", "-RunAs demo -PassThru")).AssertSuccess().Output[0];

        Assert.Equal("demo", session.Properties["UserName"].Value);
    }

    [Theory]
    [InlineData("outsider")]
    [InlineData("admin")]
    public void C4_RunAsUserOfAnotherGroup_IsRefused(string runAs)
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Impersonated", runAs);

        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithClient(shell, "ci-bot", "-RunAs $Impersonated"));

        Assert.Equal(ErrorCategory.AuthenticationError, Assert.Single(result.Errors).CategoryInfo.Category);
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
        // C7: the token issued before the refused sign-in is not left valid for a session that never came to be.
        Assert.Single(audit.NewEntries(AuditKinds.TokenIssued));
        Assert.Single(audit.NewEntries(AuditKinds.TokenRevoked));
    }

    [Fact]
    public void C7_Disconnect_RevokesTheToken_AndEndsTheSession()
    {
        using var shell = emulator.NewRunner();
        shell.Run(emulator.ConnectWithClient(shell, "short-bot")).AssertSuccess();
        shell.Run("Invoke-PSRestMethod -Method Get -Path 'Users'").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);
        var before = emulator.State.ActiveSessionCount;

        shell.Run("Disconnect-PasswordSafe").AssertSuccess();

        Assert.Single(audit.NewEntries(AuditKinds.TokenRevoked));
        Assert.Equal(before - 1, emulator.State.ActiveSessionCount);
    }

    [Fact]
    public async Task C7_RevokedToken_NoLongerSignsIn()
    {
        using var http = new DirectApiClient(emulator);
        var clientId = emulator.Seed.ClientId("ci-bot");
        var secret = emulator.Seed.ClientSecret("ci-bot");
        using var issued = await http.RequestTokenAsync(clientId, secret);
        var (token, _) = await DirectApiClient.ReadTokenAsync(issued);
        using (var before = await http.SignAppInWithTokenAsync(token)) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoked = await http.RevokeTokenAsync(token, clientId, secret);
        using var after = await http.SignAppInWithTokenAsync(token);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
