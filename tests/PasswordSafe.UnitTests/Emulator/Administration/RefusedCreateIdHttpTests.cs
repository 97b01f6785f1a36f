using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>A create the emulator refuses uses up no id: the next one made gets the id the refused one would have had.</summary>
public class RefusedCreateIdHttpTests
{
    [Fact]
    public async Task D1_RefusedPostUsers_UsesUpNoUserId_DeletedIdsAreStillNeverReused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var next = emulator.State.Users.Max(u => u.UserId) + 1;

        // Refused by the state (an access policy that is a key policy, and one that does not exist), after the body was read.
        await ExpectBadRequestAsync(PostAsync(admin, "Users",
            $$"""{"UserType":"Application","UserName":"bot-a","AccessPolicyID":{{DemoSeed.ApiKeyRegistrationId}}}"""), "ApiAccessPolicy");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"Application","UserName":"bot-b","AccessPolicyID":999}"""), "999");
        var made = await ExpectAsync(PostAsync(admin, "Users", """{"UserName":"after-refusals","Password":"After-Passw0rd!"}"""), HttpStatusCode.Created);

        Assert.Equal(next, made.GetProperty("UserID").GetInt32());
        await ExpectAsync(admin.DeleteAsync($"Users/{next}"), HttpStatusCode.OK);
        var again = await ExpectAsync(PostAsync(admin, "Users", """{"UserName":"after-delete","Password":"After-Passw0rd!"}"""), HttpStatusCode.Created);
        Assert.Equal(next + 1, again.GetProperty("UserID").GetInt32());
    }
}
