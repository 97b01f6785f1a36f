using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Primitives;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>What a SignAppIn call brings, lifted out of HTTP so the rules can be tested without a server.</summary>
internal sealed record SignInRequest(
    string? Authorization,
    string? RunAsHeader,
    string? SessionCookie,
    IPAddress? Peer,
    StringValues ForwardedFor,
    X509Certificate2? ClientCertificate);
