using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// A POST Requests answered with a success status but a body that gives no id (empty, <c>null</c>): the server made the
/// request, so this is a lost answer, not a wrong -Uri. The tester's repro (a TLS front end answering 201 with an empty
/// body): the user was told to check -Uri, and the request stayed active, so Use-PSCredential broke "always checks in"
/// (E1) and the next run met 409. A front end before the emulator passes the call through and replaces only the body.
/// Also: a request found again after a lost answer is written whatever -Debug's questions answer.
/// </summary>
public sealed class UnreadableRequestAnswerTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;
    private AnswerRewritingProxy proxy = null!;

    public async Task InitializeAsync()
    {
        emulator = await CheckoutEmulator.StartAsync();
        proxy = await AnswerRewritingProxy.StartAsync(emulator.Server.RootUri);
    }

    public async Task DisposeAsync()
    {
        await proxy.DisposeAsync();
        await emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void E1_UseCredential_Post201WithNoId_TheRequestItMadeIsCheckedIn_TheErrorSaysSo_WithoutBlamingUri(string body)
    {
        using var shell = proxy.RunnerBefore(emulator, "demo");
        proxy.ReplaceBody("POST", "Requests", body);

        var result = shell.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason nightly -ScriptBlock { 'ran' }");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains("answered 201", error.ToString());
        Assert.Contains("it was found and checked in", error.ToString());
        Assert.DoesNotContain("-Uri", error.ToString() + error.ErrorDetails?.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
        Assert.Equal(0, emulator.OpenRequestCount);

        // The next scheduled run (the server answering normally again) is not refused over the unreadable one.
        using var direct = emulator.RunnerFor("demo");
        Assert.Equal("ran", direct.Run("Use-PSCredential -SystemName web01 -AccountName runbook-svc -Reason nightly -ScriptBlock { 'ran' }")
            .AssertSuccess().Output.Single().BaseObject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void E1_NewRequest_Post201WithNoId_TheRequestItMadeIsWrittenWithAWarning_NoError(string body)
    {
        using var shell = proxy.RunnerBefore(emulator, "demo");
        proxy.ReplaceBody("POST", "Requests", body);

        var result = shell.Run("$request = New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason unreadable; $request");

        Assert.Empty(result.Errors);
        var request = Assert.Single(result.Output);
        var made = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(made.RequestId, request.Properties["RequestId"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("could not be read", StringComparison.Ordinal)
                                              && w.Contains("the server had made it", StringComparison.Ordinal)
                                              && !w.Contains("-Uri", StringComparison.Ordinal));
        shell.Run("$request | Complete-PSRequest").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Fact]
    public void E1_NewRequest_Post201WithNoId_AndNoRequestListed_TheErrorSaysTheStatusWasASuccess_NotToCheckUri()
    {
        using var shell = proxy.RunnerBefore(emulator, "demo");
        proxy.ReplaceBody("POST", "Requests", string.Empty);
        proxy.ReplaceBody("GET", "Requests", "[]"); // the listing does not show it either

        var result = shell.Run("New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason unreadable");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains("answered 201", error.ToString());
        Assert.DoesNotContain("Check that -Uri", error.ToString() + error.ErrorDetails?.RecommendedAction);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void E1_NewRequest_LostAnswerFoundAgain_WithVerboseAndDebugInAHostThatCannotAsk_IsStillWritten()
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo");
        shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs demo -ServerCertificateThumbprint $Thumbprint -TimeoutSec 1").AssertSuccess();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Requests", 3000));

        var result = shell.Run("$request = New-PSRequest -SystemName web01 -AccountName runbook-svc -Reason lost -Verbose -Debug; $request");

        Assert.Empty(result.Errors);
        var made = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(made.RequestId, Assert.Single(result.Output).Properties["RequestId"].Value);
        Assert.Contains(result.Warnings, w => w.Contains("the server had made it", StringComparison.Ordinal));
        emulator.State.LateAnswers.Clear();
        shell.Run("$request | Complete-PSRequest").AssertSuccess();
        Assert.Equal(0, emulator.OpenRequestCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void NewPSWorkgroup_201WithAnUnreadableBody_SaysTheWorkgroupWasCreated_AndHowToFindIt_NotToCheckUri(string body)
    {
        using var shell = proxy.RunnerBefore(emulator, "admin");
        proxy.ReplaceBody("POST", "Workgroups", body);

        var result = shell.Run("New-PSWorkgroup -Name Unread");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains("201 is a success: the server has created workgroup 'Unread' all the same", error.ToString());
        Assert.Contains("Get-PSWorkgroup -Name 'Unread'", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("-Uri", error.ErrorDetails.RecommendedAction);
        Assert.Single(emulator.State.Workgroups, w => w.Name == "Unread");
    }
}
