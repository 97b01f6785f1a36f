using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;

namespace PasswordSafe.Http;

/// <summary>
/// Whether a failed send certainly sent nothing (no connection, no name, no TLS, a proxy that refused the tunnel) or may
/// have delivered the request before the connection broke. Only the first lets a state-changing call say nothing changed;
/// in doubt, the request may have arrived.
/// </summary>
internal static class TransportFailureStage
{
    // .NET 8+ says where a send failed (HttpRequestException.HttpRequestError); netstandard2.0 cannot name it.
    private static readonly PropertyInfo? RequestErrorProperty =
        typeof(System.Net.Http.HttpRequestException).GetProperty("HttpRequestError", BindingFlags.Public | BindingFlags.Instance);

    /// <summary>
    /// True when the request cannot have reached the server. Before .NET 8 (PowerShell 7.2/7.3, Windows PowerShell) only
    /// the inner socket, TLS or WebException failure tells; a failure that names none (a proxy refusing the tunnel there)
    /// counts as possibly sent, the safe side for a change.
    /// </summary>
    public static bool NothingWasSent(Exception failure)
    {
        var stage = failure is System.Net.Http.HttpRequestException ? RequestErrorProperty?.GetValue(failure)?.ToString() : null;
        switch (stage)
        {
            case "NameResolutionError":
            case "ConnectionError":
            case "SecureConnectionError":
            case "ProxyTunnelError":
            case "VersionNegotiationError":
            case "ExtendedConnectNotSupported":
                return true;
            case null:
            case "Unknown":
                break;
            default:
                // ResponseEnded, InvalidResponse, HttpProtocolError…: the request went, the answer did not come back whole.
                return false;
        }

        for (var inner = failure; inner != null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return true;
            }

            if (inner is SocketException socket && IsConnectFailure(socket.SocketErrorCode))
            {
                return true;
            }

            if (inner is WebException web && IsConnectFailure(web.Status))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How the server's answer failed when it had begun to come back: <see cref="AnswerFailure.TooLarge"/> for headers over
    /// the client's limit, <see cref="AnswerFailure.BrokeOff"/> for a connection that ended mid-answer or an answer that was
    /// not HTTP, else <see cref="AnswerFailure.None"/>. .NET 8+ names the stage on the send's exception or on the
    /// HttpIOException inside a failed body read; before it, none is told.
    /// </summary>
    public static AnswerFailure AnswerFailureOf(Exception failure)
    {
        for (var inner = failure; inner != null; inner = inner.InnerException)
        {
            var stage = inner.GetType().GetProperty("HttpRequestError", BindingFlags.Public | BindingFlags.Instance)?.GetValue(inner)?.ToString();
            switch (stage)
            {
                case "ConfigurationLimitExceeded":
                    return AnswerFailure.TooLarge;
                case "ResponseEnded":
                case "InvalidResponse":
                    return AnswerFailure.BrokeOff;
            }

            if (inner is System.Net.Http.HttpRequestException && ThrownWhileReadingContent(inner))
            {
                // A reset mid-body names no stage, but reading the content means the status and headers had come.
                return AnswerFailure.BrokeOff;
            }
        }

        return AnswerFailure.None;
    }

    private static bool ThrownWhileReadingContent(Exception failure)
    {
        var type = failure.TargetSite?.DeclaringType;
        // An async read throws from its state machine, a type nested in HttpContent.
        var outer = type?.DeclaringType ?? type;
        return type == typeof(System.Net.Http.HttpContent) || outer == typeof(System.Net.Http.HttpContent);
    }

    private static bool IsConnectFailure(SocketError code)
    {
        switch (code)
        {
            case SocketError.ConnectionRefused:
            case SocketError.HostNotFound:
            case SocketError.HostUnreachable:
            case SocketError.NetworkUnreachable:
            case SocketError.NetworkDown:
            case SocketError.TryAgain:
            case SocketError.NoData:
            case SocketError.AddressNotAvailable:
            case SocketError.AddressFamilyNotSupported:
                return true;
            default:
                return false;
        }
    }

    // .NET Framework (Windows PowerShell 5.1) names the stage of a failed request on its WebException.
    private static bool IsConnectFailure(WebExceptionStatus status)
    {
        switch (status)
        {
            case WebExceptionStatus.ConnectFailure:
            case WebExceptionStatus.NameResolutionFailure:
            case WebExceptionStatus.ProxyNameResolutionFailure:
            case WebExceptionStatus.TrustFailure:
            case WebExceptionStatus.SecureChannelFailure:
                return true;
            default:
                return false;
        }
    }
}
