using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class SignInHttpTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task B1_B3_DemoKeySignsInOnBothBasePaths(bool legacyBase)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient(legacyBase);
        using var response = await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.RunAs);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["UserId", "SID", "EmailAddress", "UserName", "Name"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("demo", json.RootElement.GetProperty("UserName").GetString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ASP.NET_SessionId=", cookie);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, emulator.State.ActiveSessionCount);
    }

    [Fact]
    public async Task B3_PathsAreCaseInsensitive()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        client.BaseAddress = new Uri(emulator.Server.RootUri, "beyondtrust/API/Public/V3/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/signappin");
        request.Headers.TryAddWithoutValidation("Authorization", $"PS-Auth key={DemoSeed.ApiKey}; runas={DemoSeed.RunAs};");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("USERS/1")).StatusCode);
    }

    [Fact]
    public async Task B2_CallsNeedTheSessionAndSignoutEndsIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
        await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("Auth/Signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
        Assert.Equal(0, emulator.State.ActiveSessionCount);
    }

    [Fact]
    public async Task D2_WrongKeyGets401WithoutReasonAndIsAuditedAndNotified()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var wrongKey = new string('x', 128);
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), wrongKey, DemoSeed.RunAs);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("\"Unauthorized\"", body);
        var entry = emulator.State.Audit.Last(e => e.Kind == AuditKinds.SignInFailed);
        Assert.Equal("demo", entry.UserName);
        Assert.Contains("key", entry.Reason);
        Assert.DoesNotContain(wrongKey, entry.Reason);
        Assert.Equal("127.0.0.1", entry.SourceAddress);
        Assert.Single(emulator.State.AdminNotifications);
    }

    [Theory]
    [InlineData(DemoSeed.DirectoryRunAs, HttpStatusCode.OK)]
    [InlineData(DemoSeed.DirectoryRunAsUpn, HttpStatusCode.OK)]
    [InlineData("jdoe", HttpStatusCode.Unauthorized)]
    [InlineData("nobody", HttpStatusCode.Unauthorized)]
    [InlineData(DemoSeed.ApplicationUser, HttpStatusCode.Unauthorized)] // C1
    public async Task B1_C1_RunAsUsers(string runAs, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, runAs);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A7_UserNeedsAGroupGrantingTheRegistration()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.UserGroups.Single(g => g.GroupID == DemoSeed.ApiUsersGroupId).ApplicationRegistrationIDs.Remove(DemoSeed.ApiKeyRegistrationId);
        await using var emulator = await TestEmulator.StartAsync(seed);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.DirectoryRunAs)).StatusCode);
        Assert.Contains("A7", emulator.State.Audit.Last().Reason);
        // demo is still granted registration 1 through the Administrators group.
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
    }

    [Fact]
    public async Task B1_PasswordRequiredByRegistration()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId).UserPasswordRequired = true;
        seed.Users.Single(u => u.UserName == DemoSeed.RunAs).Password = "p;a]ss] ;x";
        await using var emulator = await TestEmulator.StartAsync(seed);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs, " pwd=[wrong];")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs, " pwd=[p;a]ss] ;x];")).StatusCode);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Reason?.Contains("p;a]ss") == true);
    }

    [Fact]
    public async Task B1_PasswordIgnoredWhenNotRequired()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs, " pwd=[anything];");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task B6_SourceAddressOutsideIpRulesGets401()
    {
        var seed = EmulatorSeed.LoadDemo();
        var registration = seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId);
        registration.IPAuthenticationRules = [new SeedAuthenticationRule { Type = "CIDR", Value = "10.0.0.0/8" }];
        await using var emulator = await TestEmulator.StartAsync(seed);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        Assert.Contains("127.0.0.1", emulator.State.Audit.Last().Reason);
    }

    [Fact]
    public async Task A4_XffRulesRequireExactlyOneMatchingHeader()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId).XForwardedForAuthenticationRules =
            [new SeedAuthenticationRule { Value = "192.168.1.0/24" }];
        await using var emulator = await TestEmulator.StartAsync(seed);

        async Task<HttpStatusCode> SignIn(params string[] forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "Auth/SignAppIn");
            request.Headers.TryAddWithoutValidation("Authorization", $"PS-Auth key={DemoSeed.ApiKey}; runas={DemoSeed.RunAs}");
            foreach (var value in forwardedFor) request.Headers.TryAddWithoutValidation("X-Forwarded-For", value);
            return (await emulator.NewClient().SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn());
        Assert.Equal(HttpStatusCode.OK, await SignIn("192.168.1.20"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn("192.168.2.20"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn("192.168.1.20, 192.168.1.21"));
    }

    [Fact]
    public async Task D1_InvalidLicenceGets403AndDisabledApiGets410()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Settings = emulator.State.Settings with { LicenseValid = false };
        Assert.Equal(HttpStatusCode.Forbidden, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        emulator.State.Settings = emulator.State.Settings with { LicenseValid = true, ApiEnabled = false };
        Assert.Equal(HttpStatusCode.Gone, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
    }

    [Fact]
    public async Task AdminEndpointsNeedAnAdministratorsGroup()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var user = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(user, DemoSeed.ApiKey, DemoSeed.DirectoryRunAs);
        using var denied = await user.GetAsync("Users");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("\"4031\"", await denied.Content.ReadAsStringAsync());

        var admin = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(admin, DemoSeed.ApiKey, DemoSeed.RunAs);
        // Demo seed: 7 users and 4 groups since issue 3 added the approver and ISA users and their groups.
        Assert.Equal(7, JsonDocument.Parse(await admin.GetStringAsync("Users")).RootElement.GetArrayLength());
        Assert.Equal(4, JsonDocument.Parse(await admin.GetStringAsync("UserGroups")).RootElement.GetArrayLength());
        Assert.Single(JsonDocument.Parse(await admin.GetStringAsync("UserGroups/2/Users")).RootElement.EnumerateArray());
        var jdoe = JsonDocument.Parse(await admin.GetStringAsync(@"Users?USERNAME=CONTOSO\jdoe")).RootElement;
        Assert.Equal(2, jdoe[0].GetProperty("UserID").GetInt32());
        var registrations = await admin.GetStringAsync("ApiRegistrations");
        Assert.DoesNotContain(DemoSeed.ApiKey, registrations);
        Assert.Equal("ApiKeyPolicy", JsonDocument.Parse(await admin.GetStringAsync("ApiRegistrations/1")).RootElement.GetProperty("RegistrationType").GetString());

        using var missing = await admin.GetAsync("Users/999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("\"User not found\"", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A6_KeyReadAndRotateAreAuditedAndRotationKillsOldKeyAndSessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(admin, DemoSeed.MfaApiKey, DemoSeed.RunAs);
        var bystander = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(bystander, DemoSeed.ApiKey, DemoSeed.DirectoryRunAs);

        Assert.Equal(DemoSeed.ApiKey, JsonSerializer.Deserialize<string>(await admin.GetStringAsync("ApiRegistrations/1/Key")));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ApiKeyRead && e.UserName == "demo" && e.RegistrationId == 1);

        using var rotated = await admin.PostAsync("ApiRegistrations/1/Rotate", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var newKey = JsonSerializer.Deserialize<string>(await rotated.Content.ReadAsStringAsync())!;
        Assert.Equal(128, newKey.Length);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ApiKeyRotated && e.RegistrationId == 1);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bystander.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), newKey, DemoSeed.RunAs)).StatusCode);
    }

    [Fact]
    public async Task A5_LegacyGuidKeyStillWorks()
    {
        var seed = EmulatorSeed.LoadDemo();
        const string guidKey = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId).Key = guidKey;
        await using var emulator = await TestEmulator.StartAsync(seed);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), guidKey, DemoSeed.RunAs)).StatusCode);
    }

    [Fact]
    public async Task ControlEndpointsReportAuditStatusAndSettings()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs);
        await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, "nobody");
        var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;

        var audit = JsonDocument.Parse(await control.GetStringAsync("emulator/audit?user=nobody")).RootElement;
        Assert.Equal("SignInFailed", Assert.Single(audit.EnumerateArray()).GetProperty("Kind").GetString());
        var status = JsonDocument.Parse(await control.GetStringAsync("emulator/status")).RootElement;
        Assert.Equal(1, status.GetProperty("ActiveSessionCount").GetInt32());

        using var put = await control.PutAsync("emulator/settings", new StringContent("{\"sessionidletimeoutminutes\": 7}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(7, emulator.State.Settings.SessionIdleTimeoutMinutes);
        using var bad = await control.PutAsync("emulator/settings", new StringContent("{\"SessionIdleTimeoutMinutes\": 0}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
