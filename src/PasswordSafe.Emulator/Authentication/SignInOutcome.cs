namespace PasswordSafe.Emulator.Authentication;

/// <summary>The answer SignAppIn gives: a new session, a 2FA challenge (401 + prompt + cookie) or a bare status.</summary>
internal sealed record SignInOutcome(int StatusCode, ApiSession? Session, EmulatorUser? User, string? ChallengePrompt)
{
    internal static SignInOutcome Succeeded(ApiSession session, EmulatorUser user) => new(200, session, user, null);
    internal static SignInOutcome Challenge(ApiSession pending, string prompt) => new(401, pending, null, prompt);
    internal static SignInOutcome Refused(int statusCode) => new(statusCode, null, null, null);
}
