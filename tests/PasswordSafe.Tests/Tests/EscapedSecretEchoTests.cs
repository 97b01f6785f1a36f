using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Encodings.Web;
using System.Text.Json;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// A server that repeats the password it refused writes it as JSON: ASP.NET's default encoder (the emulator's too) turns
/// <c>+</c>, quotes, <c>&lt;</c> <c>&gt;</c> <c>&amp;</c> and letters beyond ASCII into <c>\uXXXX</c>. The password must stay
/// out of every error text, decoded or not, and out of Verbose and Debug, while the rest of the server's words are kept.
/// </summary>
public sealed class EscapedSecretEchoTests : IClassFixture<EmulatorFixture>
{
    private const string Rule = " does not meet the password rule";

    private readonly EmulatorFixture emulator;

    public EscapedSecretEchoTests(EmulatorFixture emulator) => this.emulator = emulator;

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var password in new[] { "Summer+2024!x", "Sécurité-2024", "Pw\"q\\b<x>&Echo-777" })
        {
            cases.Add("PUT", "ManagedAccounts/1/Credentials", password);
            cases.Add("POST", "Users", password);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EchoedPassword_JsonEscapedByTheServer_IsMaskedInEveryErrorTextAndStream_TheServerWordsKept(string method, string path, string password)
    {
        emulator.State.CallRefusals.Clear();
        emulator.State.CallRefusals.Add(new CallRefusal(method, path, 400, "The password " + password + Rule));
        try
        {
            using var shell = emulator.NonInteractiveAdmin();
            shell.SetVariable("Password", EmulatorFixture.Secure(password));
            var call = method == "PUT"
                ? "Set-PSManagedAccountCredential -AccountId 1 -Password $Password -Force"
                : "New-PSUser -UserName 'escaped-echo' -Password $Password";

            // -Debug turns a cmdlet's warnings into prompts, which this host refuses: warnings go on as warnings.
            var result = shell.Run(call + " -Verbose -Debug -WarningAction Continue\n" +
                                   "$e = $Error[0]\n" +
                                   "$e.ToString(); $e.Exception.Message; $e.Exception.ToString(); $e.ErrorDetails.Message\n" +
                                   "$e | Out-Host; $Error | Out-Host\n" +
                                   "(Get-PasswordSafeSession).LastError");

            var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
            var shown = new[] { error.Exception.Message, error.ErrorDetails?.Message ?? string.Empty, error.ToString() };
            Assert.All(shown, text => Assert.Contains("The password " + "****" + Rule, text));
            Assert.NotEmpty(result.Verbose);
            Assert.NotEmpty(result.Debug);
            Assert.Contains(result.HostWrites, l => l.Contains(Rule, StringComparison.Ordinal));

            var everything = result.AllText() + string.Join("\n", result.Output.Select(o => o?.ToString()));
            foreach (var form in FormsAServerWrites(password))
            {
                Assert.True(everything.IndexOf(form, StringComparison.OrdinalIgnoreCase) < 0,
                    $"the password appears in the output as the server wrote it ({form.Length} characters)");
            }
        }
        finally
        {
            emulator.State.CallRefusals.Clear();
        }
    }

    // The password as typed, as ASP.NET's default encoder writes it (the emulator's answer), and with only quote and
    // backslash escaped (Newtonsoft, or a relaxed encoder).
    private static IEnumerable<string> FormsAServerWrites(string password) => new[]
    {
        password,
        JsonSerializer.Serialize(password).Trim('"'),
        JsonSerializer.Serialize(password, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"'),
    }.Distinct();
}
