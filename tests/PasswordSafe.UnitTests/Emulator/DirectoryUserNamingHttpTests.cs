using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// A directory user (B1: signs in as DOMAIN\user or UPN) has one name in what the emulator records — the DOMAIN\user that
/// SignAppIn answers, in the audit and as RequestorName — and the control endpoints (audit filter, refusal and late-answer
/// rules) take DOMAIN\user, the UPN or the bare name for it.
/// </summary>
public class DirectoryUserNamingHttpTests
{
    [Fact]
    public async Task B1_WhatIsRecorded_IsTheSignInName_SignAppIn_Audit_RequestorName_AndSessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = emulator.NewClient();
        using var signIn = await TestEmulator.SignInWithKeyAsync(jdoe, DemoSeed.ApiKey, DemoSeed.DirectoryRunAsUpn);
        var answered = (await CheckoutHttp.ReadJsonAsync(signIn)).GetProperty("UserName").GetString();

        var requestId = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId);
        var listed = (await CheckoutHttp.ReadJsonAsync(await jdoe.GetAsync("Requests"))).EnumerateArray().Single();

        Assert.Equal(DemoSeed.DirectoryRunAs, answered);
        Assert.Equal(DemoSeed.DirectoryRunAs, listed.GetProperty("RequestorName").GetString());
        Assert.Equal(requestId, listed.GetProperty("RequestID").GetInt32());
        Assert.All(emulator.State.Audit.Where(e => e.Kind is AuditKinds.SignInSucceeded or AuditKinds.RequestCreated),
            e => Assert.Equal(DemoSeed.DirectoryRunAs, e.UserName));
    }

    [Theory]
    [InlineData(@"CONTOSO%5Cjdoe")]
    [InlineData(@"contoso%5CJDOE")]
    [InlineData("jdoe")]
    [InlineData("jdoe@contoso.test")]
    public async Task AuditFilter_TakesDomainUser_Upn_OrTheBareName_ForTheSameUser(string query)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        await CheckoutHttp.SignedInAsync(emulator);
        // A failed sign-in keeps the run-as name as typed; it is still this user's.
        await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), "wrong-key", DemoSeed.DirectoryRunAsUpn);

        var entries = (await CheckoutHttp.ReadJsonAsync(await control.GetAsync($"emulator/audit?user={query}"))).EnumerateArray().ToList();

        Assert.Contains(entries, e => e.GetProperty("Kind").GetString() == AuditKinds.SignInSucceeded);
        Assert.Contains(entries, e => e.GetProperty("Kind").GetString() == AuditKinds.SignInFailed);
        Assert.All(entries, e => Assert.Contains(e.GetProperty("UserName").GetString(), new[] { DemoSeed.DirectoryRunAs, DemoSeed.DirectoryRunAsUpn }));
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public async Task AuditFilter_ANameNoUserHas_MatchesEntriesRecordedWithIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, "nobody");

        var entries = (await CheckoutHttp.ReadJsonAsync(await control.GetAsync("emulator/audit?user=NOBODY"))).EnumerateArray().ToList();

        Assert.Equal("nobody", Assert.Single(entries).GetProperty("UserName").GetString());
    }

    [Theory]
    [InlineData("jdoe")]
    [InlineData(@"CONTOSO\\jdoe")]
    [InlineData("JDOE@contoso.test")]
    public async Task RefusalRule_NamingTheDirectoryUserAnyWay_RefusesItsCalls_NotOthers(string userName)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var demo = await CheckoutHttp.SignedInAsync(emulator);

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/refusals",
            $"{{\"Method\": \"GET\", \"Path\": \"ManagedAccounts\", \"StatusCode\": 403, \"Body\": \"4031\", \"UserName\": \"{userName}\"}}"), HttpStatusCode.Created);

        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.Forbidden, "4031");
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("ManagedAccounts")).StatusCode);
    }

    [Fact]
    public async Task LateAnswerRule_NamingAUser_HoldsBackOnlyThatUsersAnswer()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/late-answers",
            "{\"Method\": \"GET\", \"Path\": \"ManagedAccounts\", \"DelayMilliseconds\": 1500, \"UserName\": \"jdoe\"}"), HttpStatusCode.Created);

        var watch = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("ManagedAccounts")).StatusCode);
        var others = watch.ElapsedMilliseconds;
        Assert.Equal(HttpStatusCode.OK, (await jdoe.GetAsync("ManagedAccounts")).StatusCode);

        Assert.True(others < 1000, $"demo's answer came after {others} ms.");
        Assert.True(watch.ElapsedMilliseconds - others >= 1400, $"jdoe's answer came after {watch.ElapsedMilliseconds - others} ms.");
        Assert.Equal("jdoe", Assert.Single(emulator.State.LateAnswers.All).UserName);
    }

    [Fact]
    public void SignInName_IsDomainUser_ThenUpn_ThenThePlainName()
    {
        Assert.Equal(@"CONTOSO\jdoe", new EmulatorUser(1, "jdoe", UserType.ActiveDirectory) { DomainName = "CONTOSO", UserPrincipalName = "jdoe@contoso.test" }.SignInName);
        Assert.Equal("jdoe@contoso.test", new EmulatorUser(1, "jdoe", UserType.LDAP) { UserPrincipalName = "jdoe@contoso.test" }.SignInName);
        Assert.Equal("demo", new EmulatorUser(1, "demo", UserType.BeyondInsight).SignInName);
        // The bare name names a directory user on the control side only; signing in still needs DOMAIN\user or UPN (B1).
        var directory = new EmulatorUser(1, "jdoe", UserType.ActiveDirectory) { DomainName = "CONTOSO" };
        Assert.True(directory.IsNamed("JDOE"));
        Assert.False(directory.IsKnownAs("jdoe"));
        Assert.False(new EmulatorUser(2, "jdoe2", UserType.BeyondInsight).IsNamed(@"CONTOSO\jdoe2"));
    }
}
