namespace PasswordSafe.Emulator.Http.Json;

/// <summary>POST Auth/SignAppIn 200 body (api-v3 §1.2), keys exactly as the real server sends them.</summary>
internal sealed record SignAppInJson(int UserId, string SID, string? EmailAddress, string UserName, string Name)
{
    internal static SignAppInJson From(EmulatorUser user) =>
        new(user.UserId, user.Sid, user.EmailAddress, SignInName(user), user.DisplayName);

    // Directory users are reported as domain\user, the way they signed in.
    private static string SignInName(EmulatorUser user) =>
        user.IsDirectoryUser && !string.IsNullOrEmpty(user.DomainName) ? $"{user.DomainName}\\{user.UserName}" : user.UserName;
}
