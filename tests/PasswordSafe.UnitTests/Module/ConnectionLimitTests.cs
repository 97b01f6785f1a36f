using System;
using System.Net;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// On .NET Framework a handler gets ServicePointManager.DefaultConnectionLimit (2 outside loopback) unless told otherwise,
/// so runspaces sharing a session queued behind two calls and the wait counted against -TimeoutSec. The session's handler
/// sets its own limit there; .NET's (no limit, pooled per handler) is left alone.
/// </summary>
public class ConnectionLimitTests
{
    private static readonly ClrRuntime WindowsPowerShell = new ClrRuntime(isNetFramework: true, majorVersion: 4, isWindows: true);
    private static readonly ClrRuntime PowerShell7 = new ClrRuntime(isNetFramework: false, majorVersion: 10, isWindows: true);

    [Fact]
    public void OnTheFramework_TheSessionSetsItsOwnLimit_AboveTheDefaultOfTwo()
    {
        Assert.Equal(HttpHandlerFactory.FrameworkConnectionLimit, HttpHandlerFactory.ConnectionLimitFor(WindowsPowerShell));
        Assert.InRange(HttpHandlerFactory.FrameworkConnectionLimit, 8, 64);
    }

    [Fact]
    public void OnDotNet_TheRuntimesUnlimitedDefaultStays() => Assert.Null(HttpHandlerFactory.ConnectionLimitFor(PowerShell7));

    [Fact]
    public void TheHandlerCarriesTheLimit_ForTheRuntimeItIsBuiltFor()
    {
        using var framework = Create(WindowsPowerShell);
        using var core = Create(PowerShell7);

        Assert.Equal(HttpHandlerFactory.FrameworkConnectionLimit, framework.MaxConnectionsPerServer);
        Assert.Equal(int.MaxValue, core.MaxConnectionsPerServer);
    }

    private static System.Net.Http.HttpClientHandler Create(ClrRuntime runtime) =>
        HttpHandlerFactory.Create(new ConnectionOptions(TestSessions.BaseUri), new CookieContainer(),
            new ServerCertificateValidator(false, Array.Empty<string>()), runtime);
}
