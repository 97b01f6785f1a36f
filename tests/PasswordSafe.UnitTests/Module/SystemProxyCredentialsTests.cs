using System;
using System.Net;
using System.Net.Http;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// -ProxyCredential / -ProxyUseDefaultCredentials with the system proxy. On .NET Framework the handler's
/// DefaultProxyCredentials would be written into the process-wide WebRequest.DefaultWebProxy and reach every later request
/// of the process, so the session gets its own proxy object there; on .NET the handler keeps them to itself.
/// </summary>
public class SystemProxyCredentialsTests
{
    private static readonly ClrRuntime WindowsPowerShell = new ClrRuntime(isNetFramework: true, majorVersion: 4, isWindows: true);
    private static readonly ClrRuntime PowerShell7 = new ClrRuntime(isNetFramework: false, majorVersion: 10, isWindows: true);
    private static readonly Uri Server = new Uri("https://pam.example.test/BeyondTrust/api/public/v3/");

    private sealed class RecordingProxy : IWebProxy
    {
        public Uri Answer { get; set; } = new Uri("http://proxy.corp:8080/");

        public bool Bypass { get; set; }

        public int Asked { get; private set; }

        public ICredentials? Credentials { get; set; } = new NetworkCredential("someone-else", "their-secret");

        public Uri GetProxy(Uri destination)
        {
            Asked++;
            return Answer;
        }

        public bool IsBypassed(Uri host)
        {
            Asked++;
            return Bypass;
        }
    }

    [Fact]
    public void Wrapper_AsksTheSystemProxyWhereToGo_AndWhatToBypass()
    {
        var system = new RecordingProxy();
        var proxy = new SystemProxyWithCredentials(() => system, new NetworkCredential("proxyuser", "Pr0xy-Pass-3"));

        Assert.Equal(system.Answer, proxy.GetProxy(Server));
        Assert.False(proxy.IsBypassed(Server));
        system.Bypass = true;
        Assert.True(proxy.IsBypassed(Server));
        Assert.Equal(3, system.Asked);
    }

    [Fact]
    public void Wrapper_CarriesItsOwnCredentials_AndLeavesTheSystemProxysAlone()
    {
        var system = new RecordingProxy();
        var mine = new NetworkCredential("proxyuser", "Pr0xy-Pass-3");
        var proxy = new SystemProxyWithCredentials(() => system, mine);

        Assert.Same(mine, proxy.Credentials);
        Assert.Equal("someone-else", ((NetworkCredential)system.Credentials!).UserName);
    }

    [Fact]
    public void Wrapper_ReadsTheSystemProxyAtEachRequest_AndGoesDirectWhenThereIsNone()
    {
        IWebProxy? system = null;
        var proxy = new SystemProxyWithCredentials(() => system, new NetworkCredential("u", "p"));

        Assert.True(proxy.IsBypassed(Server));
        Assert.Equal(Server, proxy.GetProxy(Server));

        system = new RecordingProxy();
        Assert.Equal(new Uri("http://proxy.corp:8080/"), proxy.GetProxy(Server));
    }

    [Fact]
    public void OnTheFramework_TheHandlerGetsItsOwnProxyObject_NotDefaultProxyCredentials()
    {
        using var handler = new HttpClientHandler();
        var credentials = new NetworkCredential("proxyuser", "Pr0xy-Pass-3");

        HttpHandlerFactory.SetSystemProxyCredentials(handler, credentials, WindowsPowerShell);

        var proxy = Assert.IsType<SystemProxyWithCredentials>(handler.Proxy);
        Assert.Same(credentials, proxy.Credentials);
        Assert.Null(handler.DefaultProxyCredentials);
        Assert.True(handler.UseProxy);
    }

    [Fact]
    public void OnDotNet_DefaultProxyCredentialsStay_TheyArePerHandlerThere()
    {
        using var handler = new HttpClientHandler();
        var credentials = new NetworkCredential("proxyuser", "Pr0xy-Pass-3");

        HttpHandlerFactory.SetSystemProxyCredentials(handler, credentials, PowerShell7);

        Assert.Null(handler.Proxy);
        Assert.Same(credentials, handler.DefaultProxyCredentials);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NoProcessWideProxyIsChanged_WhicheverRuntimeTheHandlerIsBuiltFor(bool framework)
    {
        var before = (WebRequest.DefaultWebProxy?.Credentials, HttpClient.DefaultProxy.Credentials);
        var options = new ConnectionOptions(Server) { ProxyCredentials = new NetworkCredential("proxyuser", "Pr0xy-Pass-3") };

        using var handler = HttpHandlerFactory.Create(options, new CookieContainer(), new ServerCertificateValidator(false, null),
            framework ? WindowsPowerShell : PowerShell7);

        Assert.Equal(before, (WebRequest.DefaultWebProxy?.Credentials, HttpClient.DefaultProxy.Credentials));
    }
}
