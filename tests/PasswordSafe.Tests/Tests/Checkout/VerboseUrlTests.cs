using System;
using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// -Verbose shows each URL as it was sent, percent-encoded, so a line can be pasted into curl and 'web 01' cannot be
/// mistaken for two words: a name with a space, an accent or a slash appears as the server received it.
/// </summary>
public sealed class VerboseUrlTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public VerboseUrlTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("Default Workgroup", "workgroupName=Default%20Workgroup")]
    [InlineData("Ost/West & Nord", "workgroupName=Ost%2FWest%20%26%20Nord")]
    [InlineData("Caf\u00E9", "workgroupName=Caf%C3%A9")]
    public void TheVerboseUrl_IsTheOneSent_PercentEncoded(string workgroupName, string expectedQueryPart)
    {
        using var shell = emulator.RunnerFor("demo");
        shell.SetVariable("WorkgroupName", workgroupName);
        var mark = emulator.State.ApiCalls.Total;

        var result = shell.Run("Get-PSManagedAccount -WorkgroupName $WorkgroupName -First 1 -Verbose").AssertSuccess();

        var line = Assert.Single(result.Verbose, l => l.StartsWith("GET ", StringComparison.Ordinal));
        var call = Assert.Single(emulator.State.ApiCalls.Since(mark), c => c.Path.EndsWith("ManagedAccounts", StringComparison.Ordinal));
        Assert.Contains(expectedQueryPart, line);
        Assert.Contains(call.Path + call.Query + " -> ", line);
        Assert.DoesNotContain(" " + workgroupName.Split(' ').Last(), line.Substring(4, line.IndexOf(" -> ", StringComparison.Ordinal) - 4));
    }
}
