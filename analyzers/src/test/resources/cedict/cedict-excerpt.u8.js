module.exports = `# CC-CEDICT
# Community maintained free Chinese-English dictionary.
# 
# Published by MDBG
# 
# License:
# Creative Commons Attribution-ShareAlike 4.0 International License
# https://creativecommons.org/licenses/by-sa/4.0/
# 
# Referenced works:
# CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski
# 
# CC-CEDICT can be downloaded from:
# https://www.mdbg.net/chinese/dictionary?page=cc-cedict
# 
# Additions and corrections can be sent through:
# https://cc-cedict.org/editor/editor.php
# 
# For more information about CC-CEDICT see:
# https://cc-cedict.org/wiki/
# 
#! version=1
#! subversion=0
#! format=ts
#! charset=UTF-8
#! entries=125049
#! publisher=MDBG
#! license=https://creativecommons.org/licenses/by-sa/4.0/
#! date=2026-09-10T07:14:51Z
#! time=1789024491
3D打印 3D打印 [san1 D da3 yin4] /to 3D print; 3D printing/
一並 一并 [yi1 bing4] /variant of 一併|一并[yi1 bing4]/
一併 一并 [yi1 bing4] /to lump together; to treat along with all the others/
一時半刻 一时半刻 [yi1 shi2 ban4 ke4] /(idiom) a short time; a little while/
一目了然 一目了然 [yi1 mu4 liao3 ran2] /obvious at a glance (idiom)/
一目瞭然 一目了然 [yi1 mu4 liao3 ran2] /obvious at a glance (idiom)/
一絲不苟 一丝不苟 [yi1 si1 bu4 gou3] /not one thread loose (idiom); strictly according to the rules/meticulous/not one hair out of place/
中國 中国 [Zhong1 guo2] /China/
乾杯 干杯 [gan1 bei1] /to drink a toast/Cheers! (proposing a toast)/Here's to you!/Bottoms up!/lit. dry cup/
了然 了然 [liao3 ran2] /to understand clearly; evident/
以及 以及 [yi3 ji2] /and; as well as/
供暖 供暖 [gong1 nuan3] /to supply heating (in a building)/heating/
供熱 供热 [gong1 re4] /heating (for a building)/to supply heating/
個兒 个儿 [ge4 r5] /size/height/stature/
兩 两 [liang3] /two/both/some/a few/tael, unit of weight equal to 50 grams (modern) or 1⁄16 of a catty 斤[jin1] (old)/
公路 公路 [gong1 lu4] /highway/road/CL:條|条[tiao2]/
國際機場 国际机场 [guo2 ji4 ji1 chang3] /international airport/
大興機場 大兴机场 [Da4 xing1 Ji1 chang3] /Beijing Daxing International Airport (PKX), nicknamed 海星機場|海星机场[hai3 xing1 ji1 chang3] because its terminal looks like a huge starfish/
採暖 采暖 [cai3 nuan3] /heating/
暖房 暖房 [nuan3 fang2] /heating/central heating/greenhouse/hothouse/to pay a house-warming visit/
暖氣 暖气 [nuan3 qi4] /central heating/heater/warm air/
李白 李白 [Li3 Bai2] /Li Bai (701-762), famous Tang Dynasty poet/
核能 核能 [he2 neng2] /nuclear energy/
核能源 核能源 [he2 neng2 yuan2] /nuclear power/
機場 机场 [ji1 chang3] /airport; airfield/(slang) service provider for Shadowsocks or similar software for circumventing Internet censorship/CL:家[jia1],處|处[chu4]/
歐陽 欧阳 [Ou1 yang2] /two-character surname Ouyang/
浦東機場 浦东机场 [Pu3 dong1 Ji1 chang3] /Shanghai Pudong International Airport/
煤炭 煤炭 [mei2 tan4] /coal/
發電 发电 [fa1 dian4] /to generate electricity/to send a telegram/
瞭然 了然 [liao3 ran2] /to understand clearly/evident/
航站 航站 [hang2 zhan4] /airport/(shipping) port/
虹橋機場 虹桥机场 [Hong2 qiao2 ji1 chang3] /Hongqiao Airport (Shanghai)/
路費 路费 [lu4 fei4] /travel expenses/money for a voyage/toll/
通行稅 通行税 [tong1 xing2 shui4] /toll/
過路費 过路费 [guo4 lu4 fei4] /toll (fee for using a road)/
電 电 [dian4] /lightning/electricity/electric (bound form)/to get (or give) an electric shock/phone call or telegram etc/to send via telephone or telegram etc/
電力 电力 [dian4 li4] /electrical power/electricity/
電網 电网 [dian4 wang3] /electricity grid; power grid/electrified wire netting/
飛機場 飞机场 [fei1 ji1 chang3] /airport/(slang) flat chest/CL:處|处[chu4]/
高速公路 高速公路 [gao1 su4 gong1 lu4] /expressway; highway; freeway/
高速路 高速路 [gao1 su4 lu4] /highway; expressway (abbr. for 高速公路[gao1 su4 gong1 lu4])/`;
