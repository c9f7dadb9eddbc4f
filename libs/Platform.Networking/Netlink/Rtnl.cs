namespace Platform.Networking.Netlink;

/// <summary>The rtnetlink constants used here, from linux/netlink.h, linux/rtnetlink.h and linux/if_link.h.</summary>
public static class Rtnl
{
    public const ushort NewLink = 16;
    public const ushort DelLink = 17;
    public const ushort GetLink = 18;
    public const ushort NewAddr = 20;
    public const ushort NewRoute = 24;
    public const ushort DelRoute = 25;
    public const ushort Error = 2;
    public const ushort Done = 3;

    public const ushort FlagRequest = 0x1;
    public const ushort FlagAck = 0x4;
    public const ushort FlagReplace = 0x100;
    public const ushort FlagExclusive = 0x200;
    public const ushort FlagCreate = 0x400;

    public const ushort LinkAddress = 1;
    public const ushort LinkName = 3;
    public const ushort LinkMaster = 10;
    public const ushort LinkInfo = 18;
    public const ushort LinkNetNsFd = 28;
    public const ushort InfoKind = 1;
    public const ushort InfoData = 2;
    public const ushort VethPeer = 1;

    public const ushort AddrAddress = 1;
    public const ushort AddrLocal = 2;
    public const ushort AddrBroadcast = 4;

    public const ushort RouteDestination = 1;
    public const ushort RouteOutputInterface = 4;
    public const ushort RouteGateway = 5;

    public const byte FamilyInet = 2;
    public const uint InterfaceUp = 1;
    public const byte TableMain = 254;
    public const byte TableLocal = 255;
    public const byte ProtocolBoot = 3;
    public const byte ScopeUniverse = 0;
    public const byte ScopeHost = 254;
    public const byte TypeUnicast = 1;
    public const byte TypeLocal = 2;

    /// <summary>struct nlmsghdr, struct ifinfomsg, struct ifaddrmsg and struct rtmsg sizes.</summary>
    public const int HeaderSize = 16;
    public const int LinkMessageSize = 16;
    public const int AddressMessageSize = 8;
    public const int RouteMessageSize = 12;
}
