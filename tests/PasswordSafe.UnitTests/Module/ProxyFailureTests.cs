using System;
using System.Net.Http;
using System.Net.Sockets;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>ApiClient.ProxyFailure: with -Proxy, a connection failure names the proxy as host:port and never its credentials.</summary>
public class ProxyFailureTests
{
    private static readonly Uri ProxyWithCredentials = new Uri("http://puser:Pr0xyS3cret@proxy.corp:8080/");

    [Fact]
    public void SocketFailure_TheProxyCouldNotBeReached()
    {
        var e = new HttpRequestException("Connection refused (proxy.corp:8080)", new SocketException((int)SocketError.ConnectionRefused));

        var error = ApiClient.ProxyFailure(e, "POST", "https://pam.test/BeyondTrust/api/public/v3/Auth/SignAppIn", ProxyWithCredentials);

        Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
        Assert.Contains("could not reach the proxy proxy.corp:8080", error.Message);
        Assert.Contains("-Proxy", error.RecommendedAction);
    }

    [Fact]
    public void TunnelRefused_ThroughTheProxy_WithoutTheCredentialsTheRuntimeQuotes()
    {
        var e = new HttpRequestException("The proxy tunnel request to proxy 'http://puser:Pr0xyS3cret@proxy.corp:8080/' failed with status code '403'.");

        var error = ApiClient.ProxyFailure(e, "POST", "https://pam.test/BeyondTrust/api/public/v3/Auth/SignAppIn", ProxyWithCredentials);

        Assert.Contains("could not reach the server through the proxy proxy.corp:8080", error.Message);
        Assert.Contains("'403'", error.Message);
        Assert.DoesNotContain("Pr0xyS3cret", error.Message + error.RecommendedAction);
        Assert.DoesNotContain("puser", error.Message + error.RecommendedAction);
    }
}
