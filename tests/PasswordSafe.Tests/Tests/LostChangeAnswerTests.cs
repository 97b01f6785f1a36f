using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// A call that changes something (POST, PUT, DELETE other than signing in) whose answer is lost — -TimeoutSec ran out,
/// or the connection broke after the request went — may have been carried out all the same. The tester's repro: with
/// -TimeoutSec 1 and a late answer, New-PSUser created the user and Reset-PSApiRegistrationKey rotated the key while
/// the error said only "got no answer ... connect again with a larger -TimeoutSec"; the retry then met a duplicate, and
/// the rotated key was never shown. The error keeps its id and category (scripts catch them) and says the change may
/// have been made and how to check before retrying: the read-back cmdlet where the call is known, in general words
/// otherwise. Reads keep their wording. The emulator's late-answer rule carries the call out and holds back only its answer.
/// </summary>
public sealed class LostChangeAnswerTests : IAsyncLifetime
{
    private const string UserPassword = "Late-Pa55-vQ8nW2";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void NewPSUser_AnswerLostToTheTimeout_SaysTheUserMayExist_AndNamesGetPSUserToCheck_WhichFindsIt()
    {
        using var shell = AdminWithOneSecondTimeout();
        shell.SetVariable("Password", EmulatorFixture.Secure(UserPassword));
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Users", 3000));

        var result = shell.Run("New-PSUser -UserName 'late-user' -Password $Password -FirstName Late -LastName User");

        var error = result.AssertError("Timeout", ErrorCategory.OperationTimeout);
        Assert.Equal("late-user", error.TargetObject);
        Assert.StartsWith("POST ", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("got no answer within 1 s", error.ErrorDetails.Message);
        Assert.Contains("the server may have created user 'late-user' all the same", error.ErrorDetails.Message);
        Assert.Contains("Get-PSUser -UserName 'late-user'", error.ErrorDetails.RecommendedAction);
        Assert.Contains("before retrying", error.ErrorDetails.RecommendedAction);
        Assert.Contains("-TimeoutSec", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(UserPassword, result.AllText());
        Assert.Empty(result.Output);

        // The server did create it: the advice finds it, and the blind retry the old message invited is a duplicate.
        Assert.Contains(emulator.State.Users, u => u.UserName == "late-user");
        emulator.State.LateAnswers.Clear();
        var check = shell.Run("Get-PSUser -UserName 'late-user'").AssertSuccess();
        Assert.Equal("late-user", Assert.Single(check.Output).Properties["UserName"].Value);
        var retry = shell.Run("New-PSUser -UserName 'late-user' -Password $Password").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("already exists", retry.ErrorDetails.Message);
        Assert.Single(emulator.State.Users, u => u.UserName == "late-user");
    }

    [Fact]
    public void ResetApiRegistrationKey_AnswerLostToTheTimeout_SaysTheKeyMayBeRotated_AndNamesGetPSApiRegistrationKey_WhichReadsTheNewKey()
    {
        using var shell = AdminWithOneSecondTimeout();
        var oldKey = emulator.State.ReadApiKey(TestSeed.GeneratedKey, "test-harness");
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "ApiRegistrations/10/Rotate", 3000));
        var audit = emulator.State.Audit.Count;

        var result = shell.Run("Reset-PSApiRegistrationKey -RegistrationId 10 -Force");

        var error = result.AssertError("Timeout", ErrorCategory.OperationTimeout);
        Assert.Equal(10, error.TargetObject);
        Assert.Contains("got no answer within 1 s", error.ErrorDetails.Message);
        Assert.Contains("the server may have rotated the key of API registration 10 all the same", error.ErrorDetails.Message);
        Assert.Contains("old key", error.ErrorDetails.Message);
        Assert.Contains("Get-PSApiRegistrationKey -RegistrationId 10", error.ErrorDetails.RecommendedAction);
        Assert.Contains("before rotating again", error.ErrorDetails.RecommendedAction);
        Assert.Empty(result.Output);

        // The rotation happened and was audited; the key the advice reads is the new one, and no key is in any stream.
        Assert.Contains(emulator.State.Audit.Skip(audit), e => e.Kind == AuditKinds.ApiKeyRotated && e.RegistrationId == TestSeed.GeneratedKey);
        emulator.State.LateAnswers.Clear();
        var newKey = (string)shell.Run("Get-PSApiRegistrationKey -RegistrationId 10 -AsPlainText").AssertSuccess().SingleValue!;
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(emulator.State.ReadApiKey(TestSeed.GeneratedKey, "test-harness"), newKey);
        Assert.DoesNotContain(oldKey, result.AllText());
        Assert.DoesNotContain(newKey, result.AllText());
    }

    [Fact]
    public void ResetApiRegistrationKey_OfTheSessionsOwnKey_AnswerLost_SaysSessionsOnTheOldKeyEnd_AndToReadItFromAnotherSession()
    {
        using var shell = AdminWithOneSecondTimeout();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "ApiRegistrations/1/Rotate", 3000));

        var error = shell.Run("Reset-PSApiRegistrationKey -RegistrationId 1 -Force").AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Contains("sessions signed in with it have ended", error.ErrorDetails.Message);
        Assert.Contains("Get-PSApiRegistrationKey -RegistrationId 1", error.ErrorDetails.RecommendedAction);
        Assert.Contains("a session that did not sign in with that key", error.ErrorDetails.RecommendedAction);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ApiKeyRotated && e.RegistrationId == TestSeed.PlainKey);
    }

    [Fact]
    public void ResetClientSecret_AnswerLost_SaysTheNewSecretWasOnlyInTheLostAnswer_AndToRecycleAgain()
    {
        using var shell = AdminWithOneSecondTimeout();
        var bot = emulator.State.Users.Single(u => u.UserName == "ci-bot").UserId;
        shell.SetVariable("Bot", bot);
        emulator.State.LateAnswers.Add(new LateAnswer("POST", $"Users/{bot}/RecycleClientSecret", 3000));

        var error = shell.Run("Reset-PSClientSecret -UserId $Bot -Force").AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Contains($"the server may have recycled the client secret of user {bot} all the same", error.ErrorDetails.Message);
        Assert.Contains("only in the answer that was lost", error.ErrorDetails.Message);
        Assert.Contains($"Reset-PSClientSecret -UserId {bot}", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void SetPSManagedAccount_PutAnswerLost_NamesGetPSManagedAccountByItsId()
    {
        using var shell = AdminWithOneSecondTimeout();
        emulator.State.LateAnswers.Add(new LateAnswer("PUT", "ManagedAccounts/1", 3000));

        var error = shell.Run("Set-PSManagedAccount -AccountId 1 -Description 'changed late'").AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Contains("the server may have updated managed account 1 all the same", error.ErrorDetails.Message);
        Assert.Contains("Get-PSManagedAccount -AccountId 1", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void AChangeWithoutAKnownReadBack_AnswerLost_SaysSoInGeneralWords_SameIdAndCategory()
    {
        using var shell = AdminWithOneSecondTimeout();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "ManagedAccounts/1/Requests/Terminate", 3000));

        var error = shell.Run("Stop-PSRequest -ManagedAccountId 1 -Reason incident -Force").AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Equal(1, error.TargetObject);
        Assert.Contains("got no answer within 1 s", error.ErrorDetails.Message);
        Assert.Contains("the server may have made the change all the same", error.ErrorDetails.Message);
        Assert.Contains("Check whether it was made before retrying", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void InvokePSRestMethod_PostAnswerLost_GetsTheSameAdvice_AsTheCmdletForThatCall()
    {
        using var shell = AdminWithOneSecondTimeout();
        emulator.State.LateAnswers.Add(new LateAnswer("POST", "Workgroups", 3000));

        var error = shell.Run("Invoke-PSRestMethod -Method Post -Path 'Workgroups' -Body @{ Name = 'Late lab' }")
            .AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Contains("the server may have created workgroup 'Late lab' all the same", error.ErrorDetails.Message);
        Assert.Contains("Get-PSWorkgroup -Name 'Late lab'", error.ErrorDetails.RecommendedAction);
        Assert.Contains(emulator.State.Workgroups, w => w.Name == "Late lab");
    }

    [Fact]
    public void AReadWhoseAnswerIsLate_KeepsTodaysWording()
    {
        using var shell = AdminWithOneSecondTimeout();
        emulator.State.LateAnswers.Add(new LateAnswer("GET", "Users", 3000));

        var error = shell.Run("Get-PSUser").AssertError("Timeout", ErrorCategory.OperationTimeout);

        Assert.Contains("GET ", error.ErrorDetails.Message);
        Assert.Contains("got no answer within 1 s", error.ErrorDetails.Message);
        Assert.DoesNotContain("may have", error.ErrorDetails.Message);
        Assert.Equal("Check that the server is reachable and responsive, or connect again with a larger -TimeoutSec.", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task ConnectionCutAfterThePostWasSent_ConnectionFailed_SaysTheUserMayExist_NotThatTheServerWasUnreachable()
    {
        await using var server = await DroppingApiServer.StartAsync();
        using var shell = PowerShellRunner.Start();
        shell.SetVariable("DropUri", server.RootUri.ToString());
        shell.SetVariable("DropThumbprint", server.Certificate.Thumbprint);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('k', 128)));
        shell.SetVariable("Password", EmulatorFixture.Secure(UserPassword));
        shell.Run("Connect-PasswordSafe -Uri $DropUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $DropThumbprint").AssertSuccess();

        var result = shell.Run("New-PSUser -UserName 'cut-user' -Password $Password");

        var error = result.AssertError("ConnectionFailed", ErrorCategory.ConnectionError);
        Assert.Equal("cut-user", error.TargetObject);
        Assert.Contains("POST Users", Assert.Single(server.Received));
        Assert.Contains("the connection broke after the call was sent", error.ErrorDetails.Message);
        Assert.Contains("the server may have created user 'cut-user' all the same", error.ErrorDetails.Message);
        Assert.DoesNotContain("could not reach the server", error.ErrorDetails.Message);
        Assert.Contains("Get-PSUser -UserName 'cut-user'", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(UserPassword, result.AllText());

        // A read cut off the same way is still a plain connection failure.
        var read = shell.Run("Get-PSUser").AssertError("ConnectionFailed", ErrorCategory.ConnectionError);
        Assert.DoesNotContain("may have", read.ErrorDetails.Message);
    }

    [Fact]
    public async Task ServerGoneBeforeThePost_NothingWasSent_ConnectionFailedKeepsSayingTheServerCouldNotBeReached()
    {
        var server = await DroppingApiServer.StartAsync();
        using var shell = PowerShellRunner.Start();
        shell.SetVariable("DropUri", server.RootUri.ToString());
        shell.SetVariable("DropThumbprint", server.Certificate.Thumbprint);
        shell.SetVariable("ApiKey", EmulatorFixture.Secure(new string('k', 128)));
        shell.SetVariable("Password", EmulatorFixture.Secure(UserPassword));
        shell.Run("Connect-PasswordSafe -Uri $DropUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $DropThumbprint").AssertSuccess();
        await server.DisposeAsync();

        var error = shell.Run("New-PSUser -UserName 'never-user' -Password $Password").AssertError("ConnectionFailed", ErrorCategory.ConnectionError);

        Assert.Empty(server.Received);
        Assert.Contains("could not reach the server", error.ErrorDetails.Message);
        Assert.DoesNotContain("may have", error.ErrorDetails.Message);
    }

    private PowerShellRunner AdminWithOneSecondTimeout()
    {
        var shell = emulator.RunnerFor("admin");
        // The sign-in itself must beat the one second too; on a loaded machine it may not, and that is not what is tested.
        for (var attempt = 1; ; attempt++)
        {
            var connect = shell.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs admin -ServerCertificateThumbprint $Thumbprint -TimeoutSec 1");
            if (connect.Errors.Count == 0 || attempt == 3)
            {
                connect.AssertSuccess();
                return shell;
            }
        }
    }
}
