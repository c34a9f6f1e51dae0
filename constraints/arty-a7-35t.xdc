# Digilent Arty A7-35T (xc7a35ticsg324-1L) pins of the HwGen board top, hwgen_top.
# Pins from Digilent's Arty-A7-35-Master.xdc.

# 100 MHz oscillator (CLK100MHZ).
set_property -dict { PACKAGE_PIN E3  IOSTANDARD LVCMOS33 } [get_ports { clk_i }];
create_clock -add -name sys_clk_pin -period 10.00 -waveform {0 5} [get_ports { clk_i }];

# RESET button (ck_rst): low while pressed.
set_property -dict { PACKAGE_PIN C2  IOSTANDARD LVCMOS33 } [get_ports { btn_ni }];

# USB-UART: the FPGA's TX (uart_rxd_out, the FTDI chip's RX).
set_property -dict { PACKAGE_PIN D10 IOSTANDARD LVCMOS33 } [get_ports { uart_tx_o }];

# LD4 and LD5, active high: led_o[0] running, led_o[1] toggles per name.
set_property -dict { PACKAGE_PIN H5  IOSTANDARD LVCMOS33 } [get_ports { led_o[0] }];
set_property -dict { PACKAGE_PIN J5  IOSTANDARD LVCMOS33 } [get_ports { led_o[1] }];

# The button and the UART line are asynchronous to the clock; the design synchronises the button.
set_false_path -from [get_ports { btn_ni }]
set_false_path -to [get_ports { uart_tx_o led_o[*] }]

set_property CFGBVS VCCO [current_design]
set_property CONFIG_VOLTAGE 3.3 [current_design]
