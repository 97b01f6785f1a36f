using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// B6, A3, A4: the caller's address against IP and X-Forwarded-For rules. X-Forwarded-For is added by a load
/// balancer, never by a client, so the module has no parameter for it: XFF cases are proven at the HTTP level
/// against the emulator, and through the module only the "no balancer in front" outcome is shown.
/// </summary>
public sealed class SourceAddressTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public SourceAddressTests(EmulatorFixture emulator) => this.emulator = emulator;

    private string BalancerKey => emulator.KeyOf(TestSeed.BalancerKey);

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::15")]
    public async Task B6_A4_ForwardedAddressInsideXffRules_SignsIn(string client)
    {
        using var http = new DirectApiClient(emulator);

        using var response = await http.SignAppInAsync(BalancerKey, "demo", ("X-Forwarded-For", client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("198.51.100.7")]
    [InlineData("2001:db8::21")]
    public async Task B6_A4_ForwardedAddressOutsideXffRules_Refused401AndAudited(string client)
    {
        using var http = new DirectApiClient(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        using var response = await http.SignAppInAsync(BalancerKey, "demo", ("X-Forwarded-For", client));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        audit.AssertOneFailure("demo");
    }

    [Fact]
    public async Task A4_XffRuleExists_MissingHeaderRefused401()
    {
        using var http = new DirectApiClient(emulator);
        var audit = AuditCursor.Mark(emulator.State);

        using var response = await http.SignAppInAsync(BalancerKey, "demo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        audit.AssertOneFailure("demo");
    }

    [Fact]
    public async Task A4_XffRuleExists_DuplicateHeaderRefused401()
    {
        using var http = new DirectApiClient(emulator);

        using var twoHeaders = await http.SignAppInAsync(BalancerKey, "demo",
            ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-For", "203.0.113.8"));
        using var twoValues = await http.SignAppInAsync(BalancerKey, "demo", ("X-Forwarded-For", "203.0.113.7, 203.0.113.8"));

        Assert.Equal(HttpStatusCode.Unauthorized, twoHeaders.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, twoValues.StatusCode);
    }

    [Fact]
    public async Task A4_NoXffRule_HeaderNotRequired()
    {
        using var http = new DirectApiClient(emulator);

        using var response = await http.SignAppInAsync(emulator.KeyOf(TestSeed.PlainKey), "demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void A4_ThroughTheModule_WithoutABalancer_XffRegistrationRefused()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        var result = shell.Run(emulator.ConnectWithKey(shell, TestSeed.BalancerKey, "demo"));

        result.AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        audit.AssertOneFailure("demo");
    }

    [Fact]
    public async Task B6_A3_CallerOutsideIpRules_Refused401_EvenWithMatchingXff()
    {
        using var http = new DirectApiClient(emulator);

        using var response = await http.SignAppInAsync(emulator.KeyOf(TestSeed.RemoteOnlyKey), "demo", ("X-Forwarded-For", "10.1.2.3"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void B6_CallerInsideIpRules_SignsInThroughTheModule()
    {
        using var shell = emulator.NewRunner();
        var audit = AuditCursor.Mark(emulator.State);

        shell.Run(emulator.ConnectWithKey(shell, TestSeed.PlainKey, "demo")).AssertSuccess();

        Assert.Equal("127.0.0.1", audit.NewEntries(AuditKinds.SignInSucceeded, "demo").Single().SourceAddress);
    }
}
