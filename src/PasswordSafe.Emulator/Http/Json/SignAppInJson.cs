namespace PasswordSafe.Emulator.Http.Json;

/// <summary>POST Auth/SignAppIn 200 body (api-v3 §1.2), keys exactly as the real server sends them.</summary>
internal sealed record SignAppInJson(int UserId, string SID, string? EmailAddress, string UserName, string Name)
{
    internal static SignAppInJson From(EmulatorUser user) =>
        new(user.UserId, user.Sid, user.EmailAddress, user.SignInName, user.DisplayName);
}
