using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>B5: a registration that requires a client certificate signed by a CA the server trusts.</summary>
public sealed class ClientCertificateTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public ClientCertificateTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void B5_TrustedClientCertificate_SignsIn()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Certificate", emulator.Certificates.TrustedClient);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo", "-Certificate $Certificate")).AssertSuccess();
        Assert.Equal(true, shell.Run("Test-PasswordSafeSession").AssertSuccess().SingleValue);
    }

    [Fact]
    public void B5_NoClientCertificate_Unauthorized401_AndAudited()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("demo");
    }

    [Fact]
    public void B5_UntrustedClientCertificate_Forbidden403()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Certificate", emulator.Certificates.UntrustedClient);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo", "-Certificate $Certificate"));

        // 403 on sign-in: the contract allows LicenseInvalid or PermissionDenied, but the user must learn
        // that the certificate may be the cause, or they will chase a licence problem that does not exist.
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Matches("^(PermissionDenied|LicenseInvalid),", error.FullyQualifiedErrorId);
        Assert.Contains("certificate", error + " " + error.ErrorDetails?.RecommendedAction, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void B5_CertificateIgnoredWhenNotRequired()
    {
        using var shell = emulator.NewRunner();
        shell.SetVariable("Certificate", emulator.Certificates.UntrustedClient);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo", "-Certificate $Certificate")).AssertSuccess();
    }

    [Fact]
    public void B5_ThumbprintNotInAnyStore_CertificateNotFound()
    {
        using var shell = emulator.NewRunner();

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.CertificateKey, "demo",
            "-CertificateThumbprint 0000000000000000000000000000000000000000"));

        var error = result.AssertError("CertificateNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("0000000000000000000000000000000000000000", error.TargetObject?.ToString() ?? error.ToString());
    }
}
