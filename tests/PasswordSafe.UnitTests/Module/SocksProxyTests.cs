using PasswordSafe.Commands;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// -Proxy socks4/socks4a/socks5 works only where the runtime has a SOCKS client: .NET 6 and later (PowerShell 7.2+).
/// Elsewhere it is refused before anything is sent, saying which PowerShell supports it.
/// </summary>
public class SocksProxyTests
{
    private static readonly ClrRuntime WindowsPowerShell = new ClrRuntime(true, 4, true);

    // (is .NET Framework, .NET major version): Windows PowerShell 5.1, PowerShell 7.0, 7.1, 7.2, 7.6.
    [Theory]
    [InlineData("socks4", true, 4, false)]
    [InlineData("socks4a", true, 4, false)]
    [InlineData("socks5", true, 4, false)]
    [InlineData("SOCKS5", true, 4, false)]
    [InlineData("socks5", false, 3, false)]
    [InlineData("socks4", false, 5, false)]
    [InlineData("socks4a", false, 5, false)]
    [InlineData("socks5", false, 5, false)]
    [InlineData("socks4", false, 6, true)]
    [InlineData("socks4a", false, 6, true)]
    [InlineData("socks5", false, 6, true)]
    [InlineData("socks5", false, 10, true)]
    [InlineData("http", true, 4, true)]
    [InlineData("https", true, 4, true)]
    [InlineData("http", false, 3, true)]
    [InlineData("https", false, 10, true)]
    public void WhereEachSchemeWorks(string scheme, bool isFramework, int dotNetMajor, bool works)
    {
        var runtime = new ClrRuntime(isFramework, dotNetMajor, isWindows: true);

        Assert.Equal(works, ProxySchemes.WorksOn(scheme, runtime));
        Assert.Equal(works, ConnectPasswordSafeCommand.SocksProblem(scheme, "x", runtime) == null);
    }

    [Fact]
    public void TheRefusal_IsValidationFailed_NamingThisPowerShellAndTheOneThatWorks()
    {
        var problem = ConnectPasswordSafeCommand.SocksProblem("socks5", "socks5://proxy.corp:1080", WindowsPowerShell)!;

        Assert.Equal(ErrorIds.ValidationFailed, problem.ErrorId);
        Assert.Contains("'socks5://proxy.corp:1080'", problem.Message);
        Assert.Contains("Windows PowerShell 5.1 cannot use SOCKS proxies", problem.Message);
        Assert.Contains("PowerShell 7.2 or later", problem.Message);
        Assert.Contains("http://", problem.RecommendedAction);
    }

    [Theory]
    [InlineData(3, "PowerShell 7.0")]
    [InlineData(5, "PowerShell 7.1")]
    public void OlderPowerShell7_IsNamedByItsVersion(int dotNet, string name) =>
        Assert.Contains(name + " cannot use SOCKS", ConnectPasswordSafeCommand.SocksProblem("socks4", "p", new ClrRuntime(false, dotNet, true))!.Message);
}
