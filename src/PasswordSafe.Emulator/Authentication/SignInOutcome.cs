namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// The answer SignAppIn gives: a new session, a 2FA challenge (401 + prompt + cookie) or a refusal — a 401 that never
/// says why (D2), or a 403 whose body tells its two causes apart (<see cref="LicenseNotValid"/>, <see cref="UntrustedCertificate"/>).
/// </summary>
internal sealed record SignInOutcome(int StatusCode, ApiSession? Session, EmulatorUser? User, string? ChallengePrompt, string? RefusalText = null)
{
    /// <summary>api-v3 §1.2 (DOC-auth): "403 Password Safe license not valid".</summary>
    internal const string LicenseNotValid = "Password Safe license not valid";

    /// <summary>spec D1 "403 … also when SSL trust fails" [I: the wording]; it names the certificate so a client can tell.</summary>
    internal const string UntrustedCertificate = "The client certificate is not trusted: it was not issued by a certificate authority the server trusts";

    internal static SignInOutcome Succeeded(ApiSession session, EmulatorUser user) => new(200, session, user, null);
    internal static SignInOutcome Challenge(ApiSession pending, string prompt) => new(401, pending, null, prompt);
    internal static SignInOutcome Refused(int statusCode, string? text = null) => new(statusCode, null, null, null, text);
}
