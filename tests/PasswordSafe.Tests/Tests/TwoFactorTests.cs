using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>B4: challenge- and push-style second factors on an MFA-enforced registration.</summary>
public sealed class TwoFactorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public TwoFactorTests(EmulatorFixture emulator) => this.emulator = emulator;

    private string Answer => emulator.Seed.ChallengeAnswer("mfa-challenge");

    [Fact]
    public void B4_ChallengeTwoFactor_PromptsWithServerText()
    {
        using var shell = emulator.NewRunner(interactive: true);
        shell.Answer(Answer);
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-PassThru")).AssertSuccess();

        Assert.Equal("mfa-challenge", result.Output[0].Properties["UserName"].Value);
        Assert.Contains(shell.Host.UserInterface.Prompts, p => p.Contains(emulator.Seed.ChallengePrompt("mfa-challenge")));
        Assert.Single(audit.NewEntries(AuditKinds.ChallengeIssued, "mfa-challenge"));
        Assert.Single(audit.NewEntries(AuditKinds.SignInSucceeded, "mfa-challenge"));
        SecretScanner.AssertNoSecrets(result.AllText(), emulator.Seed.AllSecrets(), "interactive challenge");
    }

    [Fact]
    public void B4_ChallengeResponseParameter_SignsInUnattended()
    {
        using var shell = emulator.NewRunner(interactive: false);
        shell.SetVariable("Answer", Answer);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer")).AssertSuccess();

        Assert.Empty(shell.Host.UserInterface.Prompts);
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
    }

    [Fact]
    public void B4_NonInteractiveHostWithoutChallengeResponse_TwoFactorRequired()
    {
        using var shell = emulator.NewRunner(interactive: false);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge"));

        var error = result.AssertError("TwoFactorRequired", ErrorCategory.AuthenticationError);
        Assert.Contains("ChallengeResponse", error.ToString() + error.ErrorDetails?.RecommendedAction);
        Assert.Empty(shell.Run("Get-PasswordSafeSession").Output);
    }

    [Fact]
    public void B4_WrongAnswer_TwoFactorFailed_AndAudited()
    {
        using var shell = emulator.NewRunner(interactive: false);
        shell.SetVariable("Answer", "wrong-answer-000");
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge", "-ChallengeResponse $Answer"));

        result.AssertError("TwoFactorFailed", ErrorCategory.AuthenticationError);
        var failure = audit.AssertOneFailure("mfa-challenge");
        Assert.DoesNotContain(failure.Reason!, result.Errors[0].ToString());
    }

    [Fact]
    public void B4_WrongAnswerTypedAtThePrompt_TwoFactorFailed()
    {
        using var shell = emulator.NewRunner(interactive: true);
        shell.Answer("typed-wrong-111");

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-challenge"))
            .AssertError("TwoFactorFailed", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void B4_NoChallengeConfigured_ChallengeResponseIsNotNeeded()
    {
        using var shell = emulator.NewRunner(interactive: false);
        shell.SetVariable("Answer", "unused-222");
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "demo", "-ChallengeResponse $Answer")).AssertSuccess();

        Assert.Empty(audit.NewEntries(AuditKinds.ChallengeIssued));
    }

    [Fact]
    public void B4_PushApproved_SignsInWithoutPrompt()
    {
        using var shell = emulator.NewRunner(interactive: false);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-push")).AssertSuccess();

        Assert.Empty(shell.Host.UserInterface.Prompts);
    }

    [Fact]
    public void B4_PushDenied_AuthenticationFailed_AndAudited()
    {
        using var shell = emulator.NewRunner(interactive: false);
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.MfaKey, "mfa-denied"));

        Assert.Equal(ErrorCategory.AuthenticationError, Assert.Single(result.Errors).CategoryInfo.Category);
        audit.AssertOneFailure("mfa-denied");
    }
}
