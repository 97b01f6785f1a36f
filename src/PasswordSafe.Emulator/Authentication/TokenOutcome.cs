namespace PasswordSafe.Emulator.Authentication;

/// <summary>The token endpoint's answer: a token, or an OAuth error code with its status.</summary>
internal sealed record TokenOutcome(int StatusCode, string? Error, string? AccessToken, int ExpiresInSeconds)
{
    internal static TokenOutcome Issued(string token, int expiresInSeconds) => new(200, null, token, expiresInSeconds);
    internal static TokenOutcome Refused(int statusCode, string error) => new(statusCode, error, null, 0);
}
